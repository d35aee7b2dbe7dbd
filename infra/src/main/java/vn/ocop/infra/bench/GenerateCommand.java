package vn.ocop.infra.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.axonframework.serialization.Serializer;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.events.common.PersonalDataVault;
import vn.ocop.reference.AdministrativeUnits;

/**
 * {@code java -jar ocop.jar generate [--events=2000000] [--seed=1] [service settings…]}: writes synthetic
 * histories ({@link SyntheticHistories}) into the service's database — the embedded one by default, or
 * {@code --spring.datasource.url=…} — and reports the rate. The service is started as a command node only, so
 * that nothing projects while the events are written; the views catch up when a query node next starts.
 */
public final class GenerateCommand {

    private GenerateCommand() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && args[0].equals("generate");
    }

    public static int run(Class<?> application, String[] args, PrintStream out) {
        long events = 2_000_000;
        long seed = 1;
        List<String> settings = new ArrayList<>(List.of("--ocop.node.roles=command", "--ocop.scheduler.enabled=false",
                "--server.port=0", "--logging.structured.format.console=", "--logging.level.root=warn"));
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--events=")) {
                events = Long.parseLong(args[i].substring("--events=".length()));
            } else if (args[i].startsWith("--seed=")) {
                seed = Long.parseLong(args[i].substring("--seed=".length()));
            } else {
                settings.add(args[i]);
            }
        }
        try (ConfigurableApplicationContext service = SpringApplication.run(application, settings.toArray(String[]::new))) {
            SyntheticHistories histories = new SyntheticHistories(
                    service.getBean("eventSerializer", Serializer.class), service.getBean(JdbcTemplate.class),
                    service.getBean(PersonalDataVault.class), service.getBean(AdministrativeUnits.class));
            SyntheticHistories.Result result = histories.generate(events, seed);
            out.printf(Locale.ROOT, "generated %,d events (%,d subjects, %,d products, %,d steps refused) in %.1f s: "
                            + "%,.0f events/s (%.1f s in the aggregates, %.1f s writing)%n", result.events(),
                    result.subjects(), result.products(), result.stepsRefused(), result.seconds(),
                    result.eventsPerSecond(), result.commandSeconds(), result.writeSeconds());
            return 0;
        }
    }
}
