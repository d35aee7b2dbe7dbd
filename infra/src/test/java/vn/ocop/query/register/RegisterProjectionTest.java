package vn.ocop.query.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ocop.events.common.AuthorityLevel;
import vn.ocop.events.common.Decision;
import vn.ocop.events.product.EvaluationKind;
import vn.ocop.events.product.MemberScore;
import vn.ocop.events.product.ProductEvent;
import vn.ocop.events.product.ProductEvent.BusinessPlanApproved;
import vn.ocop.events.product.ProductEvent.BusinessPlanRejected;
import vn.ocop.events.product.ProductEvent.BusinessPlanSubmitted;
import vn.ocop.events.product.ProductEvent.CertificateExpired;
import vn.ocop.events.product.ProductEvent.CertificateExpiryDeferred;
import vn.ocop.events.product.ProductEvent.CertificateRevoked;
import vn.ocop.events.product.ProductEvent.ProductDesignatedKey;
import vn.ocop.events.product.ProductEvent.ProductEvaluated;
import vn.ocop.events.product.ProductEvent.ProductForwarded;
import vn.ocop.events.product.ProductEvent.ProductIdeaAccepted;
import vn.ocop.events.product.ProductEvent.ProductIdeaRegistered;
import vn.ocop.events.product.ProductEvent.ProductIdeaReturned;
import vn.ocop.events.product.ProductEvent.ProductNominatedForNationalFiveStars;
import vn.ocop.events.product.ProductEvent.ProductReRecognized;
import vn.ocop.events.product.ProductEvent.ProductReachedProvincialLevel;
import vn.ocop.events.product.ProductEvent.ProductRecognized;
import vn.ocop.events.product.ProductEvent.ProductSelectedForProvincialPromotion;
import vn.ocop.events.product.ProductEvent.ProductUpgraded;
import vn.ocop.events.product.ProductEvent.ReEvaluationDossierFiled;
import vn.ocop.events.product.ProductEvent.ReEvaluationWindowClosed;
import vn.ocop.events.product.ProductEvent.ReEvaluationWindowOpened;
import vn.ocop.events.product.ProductEvent.RenewalNoticeDue;
import vn.ocop.events.product.RenewalTerms;
import vn.ocop.infra.ServiceTest;
import vn.ocop.infra.TallyCheck;
import vn.ocop.query.register.RegisterEntry.CertificateStatus;
import vn.ocop.query.register.RegisterEntry.Stage;

/**
 * The register's projection against PostgreSQL: every product event, replays, interleaved products. The events
 * here are fed to the projection directly, not stored, so their rows are removed afterwards: the shared table
 * must stay what the event store implies.
 */
class RegisterProjectionTest extends ServiceTest {

    @Autowired
    RegisterProjection projection;

    @Autowired
    RegisterStore store;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    private final List<String> fed = new ArrayList<>();

    @AfterEach
    void removeRowsOfEventsNeverStored() {
        fed.forEach(productId -> TallyCheck.removeProduct(jdbc, productId));
    }

    private String newProduct() {
        String productId = UUID.randomUUID().toString();
        fed.add(productId);
        return productId;
    }

    private static Decision decision(AuthorityLevel level, String date) {
        return new Decision("QĐ-" + date, LocalDate.parse(date), "UBND", level);
    }

    private static ProductEvaluated evaluated(String productId, String id, String score, int stars) {
        return new ProductEvaluated(productId, id, EvaluationKind.FIRST, AuthorityLevel.PROVINCE, "1",
                LocalDate.parse("2024-05-01"), null, "QD148",
                List.of(new MemberScore(new BigDecimal("30"), new BigDecimal("20"), new BigDecimal("25"))),
                new BigDecimal(score), stars, 5, stars, null, null);
    }

    /** Every kind of product event, in an order the aggregate allows. */
    private static List<ProductEvent> wholeLife(String p) {
        return wholeLife(p, "23374");
    }

    private static List<ProductEvent> wholeLife(String p, String communeCode) {
        RenewalTerms terms = new RenewalTerms("26/2026/QĐ-TTg", null, LocalDate.parse("2026-11-11"),
                LocalDate.parse("2027-01-10"), LocalDate.parse("2027-11-06"));
        return List.of(
                new ProductIdeaRegistered(p, "s-1", "Sâm Ngọc Linh", "TAX2021", "III", "18", communeCode, "mô tả",
                        LocalDate.parse("2024-01-10")),
                new ProductIdeaAccepted(p, decision(AuthorityLevel.DISTRICT, "2024-01-20")),
                new BusinessPlanSubmitted(p, LocalDate.parse("2024-02-01"), "Phương án", null),
                new BusinessPlanRejected(p, decision(AuthorityLevel.DISTRICT, "2024-02-10"), List.of("thiếu vốn")),
                new BusinessPlanSubmitted(p, LocalDate.parse("2024-02-20"), "Phương án 2", null),
                new BusinessPlanApproved(p, decision(AuthorityLevel.DISTRICT, "2024-03-01")),
                evaluated(p, "e-1", "60.00", 3),
                new ProductForwarded(p, "e-1", AuthorityLevel.DISTRICT, AuthorityLevel.PROVINCE,
                        LocalDate.parse("2024-05-02")),
                new ProductRecognized(p, "c-1", 3, decision(AuthorityLevel.DISTRICT, "2024-05-10"), "e-1",
                        LocalDate.parse("2027-05-10"), terms),
                new ProductSelectedForProvincialPromotion(p, decision(AuthorityLevel.PROVINCE, "2024-06-01")),
                new ProductDesignatedKey(p, decision(AuthorityLevel.PROVINCE, "2024-06-02")),
                evaluated(p, "e-2", "91.50", 5),
                new ProductNominatedForNationalFiveStars(p, "e-2", decision(AuthorityLevel.PROVINCE, "2024-07-01")),
                new ProductUpgraded(p, "c-2", "c-1", 3, 4, decision(AuthorityLevel.PROVINCE, "2024-08-01"), "e-2",
                        LocalDate.parse("2027-08-01"), terms),
                new ProductReachedProvincialLevel(p, "c-2", 4, LocalDate.parse("2024-08-01")),
                new RenewalNoticeDue(p, "c-2", LocalDate.parse("2027-07-02"), LocalDate.parse("2027-08-01")),
                new ReEvaluationWindowOpened(p, "c-2", LocalDate.parse("2027-02-02"), LocalDate.parse("2027-04-03")),
                new ReEvaluationDossierFiled(p, "c-2", LocalDate.parse("2027-02-10")),
                new ReEvaluationWindowClosed(p, "c-2", LocalDate.parse("2027-04-03")),
                new CertificateExpiryDeferred(p, "c-2", LocalDate.parse("2027-08-01"), LocalDate.parse("2028-01-28")),
                new ProductReRecognized(p, "c-3", "c-2", 4, decision(AuthorityLevel.PROVINCE, "2027-09-01"), "e-2",
                        LocalDate.parse("2030-09-01"), terms),
                new CertificateExpired(p, "c-3", LocalDate.parse("2030-09-01")));
    }

    @Test
    void everyProductEventMovesTheEntryAndReplayingABatchChangesNothing() {
        String product = newProduct();
        String other = newProduct();
        List<ProductEvent> life = wholeLife(product);
        List<ProductEvent> otherLife = List.of(
                new ProductIdeaRegistered(other, "s-2", "Cà phê Đăk Hà", "TAX2021", "II", "14", "23335", null,
                        LocalDate.parse("2024-01-10")),
                new ProductIdeaReturned(other, decision(AuthorityLevel.COMMUNE, "2024-01-15"), List.of("trùng")));

        // The two products' events interleave, as a pooled processor's segments deliver them.
        List<Runnable> deliveries = new ArrayList<>();
        for (int i = 0; i < life.size(); i++) {
            int sequence = i;
            deliveries.add(() -> projection.on(life.get(sequence), sequence));
            if (i < otherLife.size()) {
                deliveries.add(() -> projection.on(otherLife.get(sequence), sequence));
            }
        }
        deliveries.forEach(Runnable::run);
        RegisterEntry once = store.find(product).orElseThrow();
        deliveries.forEach(Runnable::run);

        assertThat(store.find(product)).contains(once);
        assertThat(once.stage()).isEqualTo(Stage.RECOGNISED);
        assertThat(once.stars()).isEqualTo(4);
        assertThat(once.certificateId()).isEqualTo("c-3");
        assertThat(once.certificateDecisionNumber()).isEqualTo("QĐ-2027-09-01");
        assertThat(once.certificateExpiresOn()).isEqualTo(LocalDate.parse("2030-09-01"));
        assertThat(once.certificateStatus()).isEqualTo(CertificateStatus.EXPIRED);
        assertThat(once.lastScore()).isEqualByComparingTo("91.50");
        assertThat(once.lastRating()).isEqualTo(5);
        assertThat(once.keyProduct()).isTrue();
        assertThat(once.selectedForPromotion()).isTrue();
        assertThat(once.provincialLevel()).isTrue();
        assertThat(once.nominatedForFiveStars()).isTrue();
        assertThat(once.version()).isEqualTo(life.size() - 1);
        assertThat(store.find(other).orElseThrow().stage()).isEqualTo(Stage.IDEA_RETURNED);
    }

    @Test
    void theTallyCountsEachEntryInTheCellOfItsValuesAtEveryStep() {
        String commune = "T" + (1000 + new java.util.Random().nextInt(9000)); // no other test's commune
        String product = newProduct();
        String other = newProduct();
        List<ProductEvent> life = wholeLife(product, commune);
        List<ProductEvent> otherLife = wholeLife(other, commune).subList(0, 9);
        for (int sequence = 0; sequence < life.size(); sequence++) {
            projection.on(life.get(sequence), sequence);
            if (sequence < otherLife.size()) {
                projection.on(otherLife.get(sequence), sequence);
            }
            assertThat(TallyCheck.registerDifferences(jdbc, commune)).as("after event " + sequence).isEmpty();
            assertThat(TallyCheck.expiryDifferences(jdbc)).as("certificates after event " + sequence).isEmpty();
            assertThat(TallyCheck.totalsDifferences(jdbc)).as("the country's totals after event " + sequence)
                    .isEmpty();
        }
        for (int sequence = 0; sequence < life.size(); sequence++) {
            projection.on(life.get(sequence), sequence); // a replay moves nothing
        }

        assertThat(TallyCheck.registerDifferences(jdbc, commune)).isEmpty();
        assertThat(TallyCheck.totalsDifferences(jdbc)).isEmpty();
        assertThat(jdbc.queryForList("select stage, stars, certificate_status, products from register_tally "
                + "where commune_code = ? order by stars", commune)).containsExactly(
                java.util.Map.of("stage", "RECOGNISED", "stars", 3, "certificate_status", "VALID", "products", 1L),
                java.util.Map.of("stage", "RECOGNISED", "stars", 4, "certificate_status", "EXPIRED", "products", 1L));
    }

    @Test
    void aBatchsEntriesAreHeldBackAndWrittenTogetherWhenItCommits() {
        String product = newProduct();
        List<ProductEvent> life = wholeLife(product).subList(0, 9);
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            for (int sequence = 0; sequence < life.size(); sequence++) {
                projection.on(life.get(sequence), sequence);
            }
            assertThat(rowVersion(product)).as("held back").isEmpty();
            assertThat(store.find(product).orElseThrow().version()).as("found among those held").isEqualTo(8);
        });

        assertThat(rowVersion(product)).containsExactly(8L);
        assertThat(store.find(product).orElseThrow().certificateStatus()).isEqualTo(CertificateStatus.VALID);
    }

    @Test
    void aBatchFailsRatherThanCountAnEntryALaterVersionOfWhichWasStoredMeanwhile() {
        String product = newProduct();
        List<ProductEvent> life = wholeLife(product);
        TransactionTemplate batch = new TransactionTemplate(transactionManager);
        TransactionTemplate other = new TransactionTemplate(transactionManager);
        other.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        assertThatThrownBy(() -> batch.executeWithoutResult(status -> {
            for (int sequence = 0; sequence < 3; sequence++) {
                projection.on(life.get(sequence), sequence);
            }
            other.executeWithoutResult(meanwhile -> {
                for (int sequence = 0; sequence < life.size(); sequence++) {
                    projection.on(life.get(sequence), sequence);
                }
            });
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("is stored already");

        assertThat(rowVersion(product)).containsExactly((long) life.size() - 1);
        assertThat(TallyCheck.registerDifferences(jdbc, "23374")).isEmpty();
    }

    private List<Long> rowVersion(String product) {
        return jdbc.queryForList("select version from product_register where product_id = ?", Long.class, product);
    }

    @Test
    void eachStepOfTheLifeShowsInTheRegister() {
        String product = newProduct();
        List<ProductEvent> life = wholeLife(product);
        List<Stage> stages = new ArrayList<>();
        List<CertificateStatus> statuses = new ArrayList<>();
        for (int sequence = 0; sequence < life.size(); sequence++) {
            projection.on(life.get(sequence), sequence);
            RegisterEntry entry = store.find(product).orElseThrow();
            stages.add(entry.stage());
            statuses.add(entry.certificateStatus());
        }

        assertThat(stages.subList(0, 7)).containsExactly(Stage.IDEA_REGISTERED, Stage.IDEA_ACCEPTED,
                Stage.PLAN_SUBMITTED, Stage.PLAN_REJECTED, Stage.PLAN_SUBMITTED, Stage.PLAN_APPROVED,
                Stage.EVALUATED);
        assertThat(statuses.get(8)).isEqualTo(CertificateStatus.VALID);
        assertThat(statuses.get(19)).isEqualTo(CertificateStatus.AWAITING_RE_EVALUATION);
        assertThat(statuses.get(20)).isEqualTo(CertificateStatus.VALID);
        assertThat(statuses.get(21)).isEqualTo(CertificateStatus.EXPIRED);
    }

    @Test
    void aRevokedCertificateShowsAsRevoked() {
        String product = newProduct();
        List<ProductEvent> life = new ArrayList<>(wholeLife(product).subList(0, 9));
        life.add(new CertificateRevoked(product, "c-1", "LEGAL_BREACH", decision(AuthorityLevel.PROVINCE,
                "2024-09-10"), LocalDate.parse("2024-09-01")));
        for (int sequence = 0; sequence < life.size(); sequence++) {
            projection.on(life.get(sequence), sequence);
        }

        assertThat(store.find(product).orElseThrow().certificateStatus()).isEqualTo(CertificateStatus.REVOKED);
    }
}
