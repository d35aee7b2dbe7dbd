package vn.ocop.command.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out a command for an HTTP request the way every command endpoint answers: with the aggregate's id
 * and new version (also as {@code ETag}); with the first response again when the same {@code Idempotency-Key}
 * comes with the same request; and with a 422 problem when it comes with another.
 */
@Component
public class CommandExecutor {

    private final CommandGateway commands;
    private final IdempotencyRecords records;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;

    CommandExecutor(CommandGateway commands, IdempotencyRecords records, ObjectMapper json,
                    PlatformTransactionManager transactionManager) {
        this.commands = commands;
        this.records = records;
        this.json = json;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** A command that creates the aggregate {@code aggregateId}: answered 201 with its location. */
    public ResponseEntity<CommandAccepted> create(IdempotentRequest request, String aggregateId, Supplier<?> command,
                                                  URI location) {
        return execute(request, aggregateId, null, command, HttpStatus.CREATED, location, true);
    }

    /**
     * A command that creates {@code createdId} inside the existing aggregate (an evaluation, a certificate):
     * answered 201 with the new thing's location.
     */
    public ResponseEntity<CommandAccepted> createWithin(IdempotentRequest request, String aggregateId,
                                                        String createdId, Supplier<?> command, URI location) {
        return execute(request, aggregateId, createdId, command, HttpStatus.CREATED, location, false);
    }

    /** A command on the existing aggregate {@code aggregateId}: answered 200. */
    public ResponseEntity<CommandAccepted> update(IdempotentRequest request, String aggregateId, Supplier<?> command) {
        return execute(request, aggregateId, null, command, HttpStatus.OK, null, false);
    }

    private ResponseEntity<CommandAccepted> execute(IdempotentRequest request, String aggregateId, String createdId,
                                                    Supplier<?> command, HttpStatus status, URI location,
                                                    boolean newAggregate) {
        String fingerprint = request.key() == null ? null : fingerprint(request);
        if (request.key() != null) {
            Optional<ResponseEntity<CommandAccepted>> earlier = replay(request.key(), fingerprint);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Supplier<Object> send = () -> commands.sendAndWait(GenericCommandMessage.asCommandMessage(command.get())
                .andMetaData(metadata(request.key(), fingerprint, aggregateId, createdId, status, location)));
        Object result;
        try {
            // A new aggregate's command joins a transaction begun before it is built, so that what building it
            // writes (its owner's personal-data key) commits with its events, or not at all. A command on an
            // existing aggregate leaves the transaction to its unit of work: the aggregate's lock, released as
            // the unit of work ends, must not be let go before its events are committed.
            result = newAggregate ? transaction.execute(inTransaction -> send.get()) : send.get();
        } catch (RuntimeException failure) {
            // Another request with the same key may have won the race for it: answer as it was answered.
            if (request.key() != null) {
                Optional<ResponseEntity<CommandAccepted>> winner = replay(request.key(), fingerprint);
                if (winner.isPresent()) {
                    return winner.get();
                }
            }
            throw failure;
        }
        if (!(result instanceof NewVersions.Outcome outcome)) {
            throw new IllegalStateException("the command bus answered without the aggregate's new version");
        }
        return respond(status, new CommandAccepted(aggregateId, outcome.version(), createdId), location);
    }

    private Optional<ResponseEntity<CommandAccepted>> replay(String key, String fingerprint) {
        return records.find(key).map(recorded -> {
            if (!recorded.fingerprint().equals(fingerprint)) {
                throw new IdempotencyKeyReused();
            }
            return respond(HttpStatus.valueOf(recorded.status()), recorded.response(),
                    recorded.location() == null ? null : URI.create(recorded.location()));
        });
    }

    private static ResponseEntity<CommandAccepted> respond(HttpStatus status, CommandAccepted accepted, URI location) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).eTag(Long.toString(accepted.version()));
        if (location != null) {
            response.location(location);
        }
        return response.body(accepted);
    }

    /**
     * The aggregate whose new version is the answer, and what an idempotency record needs: carried on the command
     * into its transaction.
     */
    private static MetaData metadata(String key, String fingerprint, String aggregateId, String createdId,
                                     HttpStatus status, URI location) {
        Map<String, Object> values = new HashMap<>();
        values.put(NewVersions.AGGREGATE_ID, aggregateId);
        if (key != null) {
            values.put(IdempotencyClaim.KEY, key);
            values.put(IdempotencyClaim.FINGERPRINT, fingerprint);
            values.put(IdempotencyClaim.STATUS, status.value());
            if (createdId != null) {
                values.put(IdempotencyClaim.CREATED_ID, createdId);
            }
            if (location != null) {
                values.put(IdempotencyClaim.LOCATION, location.toString());
            }
        }
        return MetaData.from(values);
    }

    /** What makes two requests "the same": method, path and body, the body as parsed and written back. */
    private String fingerprint(IdempotentRequest request) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((request.method() + " " + request.path() + "\n").getBytes(StandardCharsets.UTF_8));
            sha256.update(json.writeValueAsBytes(request.body()));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("request could not be fingerprinted", e);
        }
    }
}
