package vn.ocop.query.subject;

import org.springframework.data.jpa.repository.JpaRepository;

interface SubjectRows extends JpaRepository<SubjectRow, String> {
}
