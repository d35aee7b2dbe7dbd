package vn.ocop.infra.bench;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.command.common.BusinessCalendar;
import vn.ocop.command.product.ProductAggregate;
import vn.ocop.command.product.ProductCommands.DecideBusinessPlanCommand;
import vn.ocop.command.product.ProductCommands.DecideProductIdeaCommand;
import vn.ocop.command.product.ProductCommands.ForwardProductCommand;
import vn.ocop.command.product.ProductCommands.RecognizeProductCommand;
import vn.ocop.command.product.ProductCommands.RecordEvaluationCommand;
import vn.ocop.command.product.ProductCommands.RegisterProductIdeaCommand;
import vn.ocop.command.product.ProductCommands.SubmitBusinessPlanCommand;
import vn.ocop.command.rulebook.CriteriaSet;
import vn.ocop.command.rulebook.Rulebook;
import vn.ocop.command.subject.RegisterSubjectCommand;
import vn.ocop.command.subject.RegistrationNumberRegistry;
import vn.ocop.command.subject.SubjectAggregate;
import vn.ocop.command.subject.SubjectStandings;
import vn.ocop.events.common.AuthorityLevel;
import vn.ocop.events.common.Decision;
import vn.ocop.events.common.EventTimestamps;
import vn.ocop.events.common.PersonalDataVault;
import vn.ocop.events.common.SealedPersonalData;
import vn.ocop.events.product.EvaluationKind;
import vn.ocop.events.product.MemberScore;
import vn.ocop.events.subject.LegalForm;
import vn.ocop.events.subject.Representative;
import vn.ocop.reference.AdministrativeUnits;

/**
 * Synthetic programme histories at national scale and beyond, for measurements: subjects and products taken
 * through the cycle (ideas, plans, council evaluations, recognitions, upgrades, renewals) by the real aggregates
 * and rulebook, in memory, a batch of products at a time; each batch's events are then written to the event
 * table in one JDBC batch, serialized as the service serializes them. Deadlines are not scheduled (the
 * histories record no lapse), nothing is projected on the way: the views catch up, or are rebuilt, afterwards.
 * Seeded, so that the same arguments give the same histories (with new identifiers).
 */
public final class SyntheticHistories {

    /** Kinds of product the province's OCOP lists hold, for the synthetic names. */
    private static final List<String> KINDS = List.of("Sâm Ngọc Linh", "Cà phê Robusta", "Mật ong rừng",
            "Rượu cần", "Trà dây", "Măng khô", "Gạo Ba Chăm", "Chuối mật", "Sâm dây", "Đông trùng hạ thảo",
            "Hồng đẳng sâm", "Tinh dầu sả chanh", "Khoai lang", "Miến dong", "Bánh tráng", "Dâu tây", "Chanh dây",
            "Rau rừng", "Thịt heo gác bếp", "Cá thát lát", "Mắc ca", "Hồ tiêu", "Nấm linh chi", "Sữa bò tươi",
            "Gà thả đồi", "Thổ cẩm", "Tượng gỗ", "Nếp than", "Cà phê xứ lạnh", "Hoa lan rừng");
    /** Places of the former Kon Tum province, for the synthetic names. */
    private static final List<String> PLACES = List.of("Kon Tum", "Đăk Glei", "Ngọc Hồi", "Đăk Tô", "Kon Plông",
            "Kon Rẫy", "Đăk Hà", "Sa Thầy", "Tu Mơ Rông", "Ia H'Drai", "Măng Đen", "Ngọc Linh");

    /** What a run wrote, and how fast. */
    public record Result(long subjects, long products, long events, long stepsRefused, double seconds,
                         double commandSeconds, double writeSeconds) {

        public double eventsPerSecond() {
            return events / seconds;
        }
    }

    /** Who the histories' events name as having acted. */
    public static final String ACTOR = "synthetic-histories";

    private static final String USER = "user";
    private static final int PRODUCTS_PER_BATCH = 2_000;
    private static final String KEY_OWNER = "synthetic-histories";

    private final Serializer serializer;
    private final JdbcTemplate jdbc;
    private final PersonalDataVault vault;
    private final Rulebook rules = Rulebook.bundled();
    private final AdministrativeUnits units;
    private final List<String> communes;
    private final int productsPerBatch;
    private long refused;

    /** Sends a command and waits for its end. */
    private interface Commands {
        void sendAndWait(Object command);
    }

    /** Histories spread over the communes of every province {@code units} serves (the benchmark's: all 34). */
    public SyntheticHistories(Serializer serializer, JdbcTemplate jdbc, PersonalDataVault vault,
                              AdministrativeUnits units) {
        this(serializer, jdbc, vault, units, PRODUCTS_PER_BATCH);
    }

    /** The same, recording {@code productsPerBatch} products between two writes. */
    public SyntheticHistories(Serializer serializer, JdbcTemplate jdbc, PersonalDataVault vault,
                              AdministrativeUnits units, int productsPerBatch) {
        this.units = units;
        this.productsPerBatch = productsPerBatch;
        this.serializer = serializer;
        this.jdbc = jdbc;
        this.vault = vault;
        // every province's codes in force on both sides of the 2025 reorganisation, so that any date suits them
        this.communes = units.currentUnits().stream().map(AdministrativeUnits.CurrentUnit::code)
                .filter(code -> units.commune(code).isPresent()).toList();
    }

    /** Writes histories until at least {@code events} events are stored; three products per subject. */
    public Result generate(long events, long seed) {
        long started = System.nanoTime();
        Random random = new Random(seed);
        SealedPersonalData name = vault.seal(KEY_OWNER, "Người đại diện (tổng hợp)");
        Representative representative = new Representative(name, "Giám đốc", null);
        BatchStorage storage = new BatchStorage();
        Map<String, SubjectStandings.SubjectStanding> standings = new ConcurrentHashMap<>();
        Configuration axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> storage)
                .configureAggregate(aggregate(SubjectAggregate.type()))
                .configureAggregate(aggregate(ProductAggregate.type()))
                .registerComponent(Rulebook.class, c -> rules)
                .registerComponent(AdministrativeUnits.class, c -> units)
                .registerComponent(BusinessCalendar.class, c -> new BusinessCalendar(Clock.systemUTC()))
                .registerComponent(SubjectStandings.class, c -> new Standings(standings))
                .registerComponent(RegistrationNumberRegistry.class, c -> (number, subject) -> { })
                .registerComponent(DeadlineManager.class, c -> new NoDeadlines())
                .configureCorrelationDataProviders(c -> List.of(new SimpleCorrelationDataProvider(USER)))
                .buildConfiguration();
        axon.start();
        CommandGateway gateway = axon.commandGateway();
        Commands commands = command -> gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(USER, ACTOR)));
        long written = 0;
        long subjects = 0;
        long products = 0;
        long commanding = 0;
        long writing = 0;
        try {
            while (written < events) {
                Batch batch = new Batch(random, representative, commands);
                long batchStarted = System.nanoTime();
                batch.run();
                long commanded = System.nanoTime();
                written += write(storage.drain());
                standings(batch);
                commanding += commanded - batchStarted;
                writing += System.nanoTime() - commanded;
                subjects += batch.subjects.size();
                products += batch.products;
            }
        } finally {
            axon.shutdown();
        }
        return new Result(subjects, products, written, refused, (System.nanoTime() - started) / 1e9, commanding / 1e9,
                writing / 1e9);
    }

    /** One batch of subjects and their products, recorded through the run's command model. */
    private final class Batch {

        private final Random random;
        private final Representative representative;
        private final Commands commands;
        private final List<String[]> subjects = new ArrayList<>();
        private int products;

        Batch(Random random, Representative representative, Commands commands) {
            this.random = random;
            this.representative = representative;
            this.commands = commands;
        }

        void run() {
            for (int n = 0; n < Math.max(1, productsPerBatch / 3); n++) {
                String subjectId = UUID.randomUUID().toString();
                String commune = communes.get(random.nextInt(communes.size()));
                String number = "S" + subjectId.substring(0, 18).replace("-", "");
                commands.sendAndWait(new RegisterSubjectCommand(subjectId,
                        LegalForm.values()[random.nextInt(LegalForm.values().length)],
                        "Chủ thể tổng hợp " + subjectId.substring(0, 8), number, commune, representative, null,
                        List.of(), null));
                subjects.add(new String[] {subjectId, commune, number});
                for (int p = 0; p < 3; p++) {
                    try {
                        product(commands, subjectId, commune);
                    } catch (RuntimeException refusedStep) {
                        // a rule refused a step: the product keeps the steps it reached
                        refused++;
                    }
                    products++;
                }
            }
        }

        /**
         * A name as the province's products are named — a kind and a place, with a mark of its own — so that a
         * search finds some products and not every one.
         */
        private String productName(String id) {
            return KINDS.get(random.nextInt(KINDS.size())) + " " + PLACES.get(random.nextInt(PLACES.size())) + " "
                    + id.substring(0, 4).toUpperCase(java.util.Locale.ROOT);
        }

        /** A product from its idea to a certificate, often upgraded or renewed; some stop earlier. */
        private void product(Commands commands, String subjectId, String commune) {
            String id = UUID.randomUUID().toString();
            LocalDate registered = LocalDate.of(2019, 3, 1).plusDays(random.nextInt(365 * 4 - 200));
            boolean taxonomy2021 = !registered.isBefore(LocalDate.of(2023, 2, 24));
            if (!taxonomy2021 && registered.isAfter(LocalDate.of(2022, 8, 31))) {
                registered = registered.plusMonths(6);
                taxonomy2021 = true;
            }
            commands.sendAndWait(new RegisterProductIdeaCommand(id, subjectId, productName(id),
                    taxonomy2021 ? "I" : "1", taxonomy2021 ? "4" : null, commune, null, registered));
            if (random.nextInt(10) == 0) {
                return;
            }
            commands.sendAndWait(new DecideProductIdeaCommand(id, null, true,
                    decision(registered.plusDays(10), AuthorityLevel.DISTRICT), List.of()));
            commands.sendAndWait(new SubmitBusinessPlanCommand(id, null, registered.plusDays(30), "Phương án", null));
            commands.sendAndWait(new DecideBusinessPlanCommand(id, null, true,
                    decision(registered.plusDays(60), AuthorityLevel.DISTRICT), List.of()));
            if (random.nextInt(10) == 0) {
                return;
            }
            LocalDate evaluated = registered.plusDays(120);
            int stars = random.nextInt(3) == 0 ? 3 : 4;
            LocalDate decided = evaluated.plusDays(20);
            recognise(commands, id, EvaluationKind.FIRST, evaluated, decided, stars);
            if (stars == 3 && random.nextInt(3) == 0) {
                evaluated = decided.plusMonths(12);
                decided = evaluated.plusDays(20);
                recognise(commands, id, EvaluationKind.UPGRADE, evaluated, decided, 4);
                stars = 4;
            }
            LocalDate expires = decided.plusMonths(36);
            if (random.nextInt(2) == 0 && expires.isBefore(LocalDate.of(2026, 5, 1))
                    && expires.minusDays(45).isAfter(LocalDate.of(2023, 4, 15))) {
                LocalDate renewal = expires.minusDays(45);
                recognise(commands, id, EvaluationKind.RE_EVALUATION, renewal, renewal.plusDays(15), stars);
            }
        }

        private void recognise(Commands commands, String product, EvaluationKind kind, LocalDate evaluated,
                               LocalDate decided, int stars) {
            AuthorityLevel level = rules.recognitionAuthority(stars, decided);
            int score = stars == 3 ? 55 + random.nextInt(10) : 72 + random.nextInt(12);
            CriteriaSet set = rules.criteriaSetFor(evaluated, null, kind);
            int[] maxima = {set.maxA(), set.maxB(), set.maxC()};
            int a = Math.round(score * maxima[0] / 100f);
            int b = Math.round(score * maxima[1] / 100f);
            MemberScore member = new MemberScore(BigDecimal.valueOf(a), BigDecimal.valueOf(b),
                    BigDecimal.valueOf(score - a - b));
            if (rules.needsForwardedEvaluation(level, kind, evaluated)) {
                // the order of councils under 1048 and 148: a district evaluation forwarded to the province first
                String district = UUID.randomUUID().toString();
                commands.sendAndWait(new RecordEvaluationCommand(product, null, district, kind, AuthorityLevel.DISTRICT,
                        evaluated.getYear() + "-1", evaluated.minusDays(20), null, List.of(member, member, member),
                        stars, null, null, null));
                commands.sendAndWait(new ForwardProductCommand(product, null, district, AuthorityLevel.PROVINCE,
                        evaluated.minusDays(10)));
            }
            String evaluation = UUID.randomUUID().toString();
            commands.sendAndWait(new RecordEvaluationCommand(product, null, evaluation, kind, level,
                    evaluated.getYear() + "-1", evaluated, null, List.of(member, member, member), stars, null, null, null));
            commands.sendAndWait(new RecognizeProductCommand(product, null, UUID.randomUUID().toString(), evaluation,
                    stars, decision(decided, level)));
        }

        private Decision decision(LocalDate date, AuthorityLevel level) {
            return new Decision(date.getDayOfYear() + "/QĐ-UBND", date, "Ủy ban nhân dân (tổng hợp)", level);
        }

    }

    /** The subjects' standings, as the subject aggregate keeps them for the product's rules. */
    private record Standings(Map<String, SubjectStandings.SubjectStanding> standings) implements SubjectStandings {

        @Override
        public void record(String subjectId, Standing standing) {
            standings.merge(subjectId, new SubjectStanding(standing, null),
                    (old, recorded) -> new SubjectStanding(standing, old.communeCode()));
        }

        @Override
        public void located(String subjectId, String communeCode) {
            standings.merge(subjectId, new SubjectStanding(Standing.ACTIVE, communeCode),
                    (old, recorded) -> new SubjectStanding(old.standing(), communeCode));
        }

        @Override
        public boolean mayRegisterProducts(String subjectId) {
            return find(subjectId).map(found -> found.standing() == Standing.ACTIVE).orElse(false);
        }

        @Override
        public Optional<SubjectStanding> find(String subjectId) {
            return Optional.ofNullable(standings.get(subjectId));
        }
    }

    /**
     * The run's event storage: each aggregate's events by its id (so that loading one costs its own events, not
     * the batch's), and the batch's events in order, handed over and forgotten at the end of each batch. An
     * aggregate lives within one batch, so nothing is lost by forgetting.
     */
    private static final class BatchStorage implements EventStorageEngine {

        private final Map<String, List<DomainEventMessage<?>>> byAggregate = new HashMap<>();
        private final List<EventMessage<?>> batch = new ArrayList<>();

        @Override
        public synchronized void appendEvents(List<? extends EventMessage<?>> events) {
            for (EventMessage<?> event : events) {
                batch.add(event);
                if (event instanceof DomainEventMessage<?> domain) {
                    byAggregate.computeIfAbsent(domain.getAggregateIdentifier(), id -> new ArrayList<>()).add(domain);
                }
            }
        }

        synchronized List<EventMessage<?>> drain() {
            List<EventMessage<?>> events = List.copyOf(batch);
            batch.clear();
            byAggregate.clear();
            return events;
        }

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
        }

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock) {
            return Stream.empty();
        }

        @Override
        public synchronized DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            return DomainEventStream.of(byAggregate.getOrDefault(aggregateIdentifier, List.of()).stream()
                    .filter(event -> event.getSequenceNumber() >= firstSequenceNumber).toList());
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            return Optional.empty();
        }
    }

    /** Writes a batch's events to the event table, serialized as the service does, in one JDBC batch. */
    private long write(List<EventMessage<?>> events) {
        jdbc.batchUpdate("""
                insert into domain_event_entry (event_identifier, meta_data, payload, payload_revision, payload_type,
                    time_stamp, aggregate_identifier, sequence_number, type)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement statement, int index) throws SQLException {
                        DomainEventMessage<?> event = (DomainEventMessage<?>) events.get(index);
                        SerializedObject<byte[]> payload = serializer.serialize(event.getPayload(), byte[].class);
                        SerializedObject<byte[]> metadata = serializer.serialize(event.getMetaData(), byte[].class);
                        statement.setString(1, event.getIdentifier());
                        statement.setBytes(2, metadata.getData());
                        statement.setBytes(3, payload.getData());
                        statement.setString(4, payload.getType().getRevision());
                        statement.setString(5, payload.getType().getName());
                        statement.setString(6, EventTimestamps.of(event.getTimestamp()));
                        statement.setString(7, event.getAggregateIdentifier());
                        statement.setLong(8, event.getSequenceNumber());
                        statement.setString(9, event.getType());
                    }

                    @Override
                    public int getBatchSize() {
                        return events.size();
                    }
                });
        return events.size();
    }

    /** The command side's own tables for the batch's subjects: standings and registration numbers. */
    private void standings(Batch batch) {
        jdbc.batchUpdate("insert into subject_standing (subject_id, standing, commune_code) values (?, 'ACTIVE', ?)",
                batch.subjects.stream().map(subject -> new Object[] {subject[0], subject[1]}).toList());
        jdbc.batchUpdate("insert into subject_registration_number (registration_number, subject_id) values (?, ?)",
                batch.subjects.stream().map(subject -> new Object[] {subject[2], subject[0]}).toList());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static AggregateConfigurer<Object> aggregate(Class<?> type) {
        return AggregateConfigurer.defaultConfiguration((Class) type);
    }

    /** The histories record no lapse: nothing is scheduled. */
    private static final class NoDeadlines implements DeadlineManager {

        @Override
        public String schedule(java.time.Instant triggerDateTime, String deadlineName, Object payload,
                               ScopeDescriptor deadlineScope) {
            return UUID.randomUUID().toString();
        }

        @Override
        public void cancelSchedule(String deadlineName, String scheduleId) {
        }

        @Override
        public void cancelAll(String deadlineName) {
        }

        @Override
        public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        }

        @Override
        public Registration registerDispatchInterceptor(
                MessageDispatchInterceptor<? super DeadlineMessage<?>> interceptor) {
            return () -> true;
        }

        @Override
        public Registration registerHandlerInterceptor(
                MessageHandlerInterceptor<? super DeadlineMessage<?>> interceptor) {
            return () -> true;
        }
    }
}
