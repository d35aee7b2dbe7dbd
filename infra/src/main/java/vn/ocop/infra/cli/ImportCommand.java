package vn.ocop.infra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code java -jar ocop.jar import FILE --url=… --user=… [--apply]}: sends an OCOP list to a running service's
 * {@code POST /api/imports} (a dry run unless {@code --apply}) and prints its report, a line per problem.
 */
public final class ImportCommand {

    public static final int DONE = 0;
    public static final int REFUSED = 1;
    public static final int USAGE = 2;
    public static final int UNREACHABLE = 3;

    private static final String USAGE_TEXT = """
            usage:
              java -jar ocop.jar import FILE.csv|FILE.xlsx --url=http://HOST:8080 --user=USER [--password=PASSWORD]
                                  [--apply]
                  (the password may instead be given in the environment variable OCOP_IMPORT_PASSWORD)
                  without --apply the list is only checked; exit status: 0 checked or applied, 1 problems found or
                  a row refused, 2 usage, 3 service or file unreachable
            """;

    private ImportCommand() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && args[0].equals("import");
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        Path file = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--apply")) {
                options.put("apply", "true");
            } else if (args[i].startsWith("--") && args[i].contains("=")) {
                String[] option = args[i].substring(2).split("=", 2);
                options.put(option[0], option[1]);
            } else if (file == null && !args[i].startsWith("--")) {
                file = Path.of(args[i]);
            } else {
                err.print("not an option: " + args[i] + "\n" + USAGE_TEXT);
                return USAGE;
            }
        }
        String password = options.getOrDefault("password", System.getenv("OCOP_IMPORT_PASSWORD"));
        if (file == null || !options.containsKey("url") || !options.containsKey("user") || password == null) {
            err.print(USAGE_TEXT);
            return USAGE;
        }
        try {
            byte[] list = Files.readAllBytes(file);
            boolean apply = options.containsKey("apply");
            String type = file.toString().toLowerCase().endsWith(".xlsx")
                    ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv";
            HttpRequest request = HttpRequest.newBuilder(URI.create(options.get("url") + "/api/imports?dryRun=" + !apply))
                    .timeout(Duration.ofHours(2))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (options.get("user") + ":" + password).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(list)).build();
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode answer = new ObjectMapper().readTree(response.body());
            JsonNode report = answer.has("report") ? answer.get("report") : answer;
            if (!report.has("status")) {
                err.println(response.statusCode() + " " + answer.path("detail").asText(response.body()));
                return REFUSED;
            }
            out.printf("%s: %s — %d rows, %d valid%n", file.getFileName(), report.get("status").asText(),
                    report.path("rows").asInt(), report.path("validRows").asInt());
            for (JsonNode problem : report.path("problems")) {
                out.printf("  row %d, %s: %s — %s%n", problem.get("row").asInt(), problem.get("column").asText(),
                        problem.get("code").asText(), problem.get("messageVi").asText());
            }
            JsonNode applied = report.path("applied");
            if (!applied.isMissingNode() && !applied.isNull()) {
                out.printf("  recorded %d rows (%d commands)%s%n", applied.get("rowsRecorded").asInt(),
                        applied.get("commandsAccepted").asLong(), applied.path("stoppedAtRow").isNull() ? ""
                                : "; stopped at row " + applied.get("stoppedAtRow").asInt() + ": "
                                + applied.get("refusal").asText());
            }
            return report.get("status").asText().equals("CHECKED") || report.get("status").asText().equals("APPLIED")
                    ? DONE : REFUSED;
        } catch (IOException e) {
            err.println("unreachable: " + e.getMessage());
            return UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNREACHABLE;
        }
    }
}
