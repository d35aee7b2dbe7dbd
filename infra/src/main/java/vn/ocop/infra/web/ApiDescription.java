package vn.ocop.infra.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.ocop.command.common.ProblemType;
import vn.ocop.query.common.JsonAnswer;

/**
 * The OpenAPI description beyond what springdoc reads from the controllers: the problem document every error
 * answers with, the full list of problem types (each with its status and meaning), the problem responses of
 * each operation, and the {@code Idempotency-Key} and {@code If-Match} headers of command operations.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** Slug → (status, meaning), for domain rules and for the HTTP exchange alike. */
    static Map<String, Map.Entry<Integer, String>> problemTypes() {
        Map<String, Map.Entry<Integer, String>> types = new TreeMap<>();
        for (ProblemType type : ProblemType.values()) {
            types.put(type.slug(), Map.entry(type.status(), type.meaning()));
        }
        for (WebProblem problem : WebProblem.values()) {
            types.put(problem.slug(), Map.entry(problem.status(), problem.meaning()));
        }
        return types;
    }

    static {
        // an answer written as JSON beforehand is described as what it holds
        SpringDocUtils.getConfig().addResponseWrapperToIgnore(JsonAnswer.class);
    }

    @Bean
    OpenAPI ocopApi() {
        return new OpenAPI()
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A built-in account (ocop.security.mode=ACCOUNTS)."))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("A token of the identity provider (ocop.security.mode=JWT).")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .info(new Info()
                .title("OCOP platform API")
                .description("Commands and queries of the One Commune One Product programme (Chương trình Mỗi xã "
                        + "một sản phẩm). Errors are RFC 9457 problem documents whose type is "
                        + "urn:ocop:problem:<slug>; the Problem schema lists every slug.")
                .version("0.1")
                .license(new License().name("Open source")));
    }

    @Bean
    OpenApiCustomizer problemDocumentation() {
        Map<String, Map.Entry<Integer, String>> types = problemTypes();
        return api -> {
            api.getComponents().addSchemas("Problem", problemSchema(types));
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                boolean command = !method.name().equals("GET");
                boolean onExisting = path.contains("{id}");
                // 421 from a node without this side's role; 503 while the database is out of reach (or a view
                // has not caught up with minVersion)
                List<Integer> statuses = new ArrayList<>(List.of(400, 404, 421, 503));
                if (path.startsWith("/public/")) {
                    operation.setSecurity(List.of()); // anybody, without credentials
                } else {
                    statuses.addAll(List.of(401, 403));
                }
                if (command) {
                    statuses.addAll(List.of(409, 413, 415, 422, 429));
                    operation.addParametersItem(header(IDEMPOTENCY_KEY, "Repeat a request safely: the same key "
                            + "with the same body answers the first response again; with another body, 422."));
                    if (onExisting) {
                        statuses.add(412);
                        operation.addParametersItem(header("If-Match", "The aggregate version last seen (its "
                                + "ETag, e.g. \"3\"); a stale version answers 412 and changes nothing."));
                    }
                }
                statuses.forEach(status -> addProblem(operation, status, types));
            }));
        };
    }

    private static Parameter header(String name, String description) {
        return new HeaderParameter().name(name).required(false).description(description).schema(new StringSchema());
    }

    private static void addProblem(Operation operation, int status, Map<String, Map.Entry<Integer, String>> types) {
        String listed = types.entrySet().stream()
                .filter(type -> type.getValue().getKey() == status)
                .map(type -> "`" + type.getKey() + "`: " + type.getValue().getValue())
                .collect(Collectors.joining("\n- ", "Problem types:\n- ", ""));
        operation.getResponses().addApiResponse(Integer.toString(status), new ApiResponse()
                .description(listed)
                .content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref(PROBLEM_SCHEMA)))));
    }

    private static Schema<?> problemSchema(Map<String, Map.Entry<Integer, String>> types) {
        StringSchema type = new StringSchema();
        type.setEnum(types.keySet().stream().map(slug -> ProblemResponses.TYPE_PREFIX + slug).toList());
        type.description("urn:ocop:problem:<slug>, stable per rule");
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema());
        fieldError.addProperty("message", new StringSchema());
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", type);
        properties.put("title", new StringSchema().description("in English"));
        properties.put("status", new IntegerSchema());
        properties.put("detail", new StringSchema().description("in English"));
        properties.put("instance", new StringSchema());
        properties.put("titleVi", new StringSchema().description("in Vietnamese"));
        properties.put("detailVi", new StringSchema().description("in Vietnamese"));
        properties.put("errors", new ArraySchema().items(fieldError).description("the offending fields"));
        properties.put("correlationId", new StringSchema().description("quote it when reporting a problem"));
        ObjectSchema problem = new ObjectSchema();
        problem.setProperties(properties);
        problem.setDescription("An RFC 9457 problem document. Types, with their status:\n"
                + types.entrySet().stream()
                .map(entry -> "- " + entry.getKey() + " (" + entry.getValue().getKey() + ")")
                .collect(Collectors.joining("\n")));
        return problem;
    }
}
