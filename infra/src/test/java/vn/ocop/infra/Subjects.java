package vn.ocop.infra;

import java.util.concurrent.atomic.AtomicLong;

/** Request bodies for subject tests, each with a registration number no other test uses. */
public final class Subjects {

    private static final AtomicLong NEXT_NUMBER = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private Subjects() {
    }

    public static String uniqueRegistrationNumber() {
        return "61" + String.format("%08d", NEXT_NUMBER.incrementAndGet() % 100_000_000L);
    }

    public static String registration(String registrationNumber) {
        return """
                {"legalForm": "COOPERATIVE",
                 "name": "Hợp tác xã Sâm Ngọc Linh Tu Mơ Rông",
                 "registrationNumber": "%s",
                 "communeCode": "23374",
                 "representative": {"fullName": "Nguyễn Thị Hồng", "position": "Giám đốc",
                                    "phone": "0905 123 456"}}
                """.formatted(registrationNumber);
    }
}
