package vn.ocop.query.audit.chain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.query.common.InvalidQuery;

/** The tamper-evident chain: verify it, and take away what an auditor needs to verify it without us. */
@RestController
@RequestMapping("/api/audit")
class ChainController {

    private final JdbcTemplate jdbc;
    private final SigningKey key;
    private final Clock clock;

    ChainController(JdbcTemplate jdbc, SigningKey key, Clock clock) {
        this.jdbc = jdbc;
        this.key = key;
        this.clock = clock;
    }

    /**
     * Recomputes the chain over every stored event and checks every checkpoint's signature and hash; names the
     * first bad position and why, if any.
     */
    @GetMapping("/verification")
    ChainVerifier.Report verify() {
        return verify(List.of());
    }

    /** The same, also checking the checkpoints of an export the auditor kept (the body). */
    @PostMapping("/verification")
    ChainVerifier.Report verifyAgainst(@RequestBody ChainExport kept) {
        if (!ChainExport.FORMAT.equals(kept.format()) || kept.checkpoints() == null) {
            throw new InvalidQuery("format", "Not an export of the audit checkpoints (" + ChainExport.FORMAT + ").",
                    "Không phải tệp xuất các điểm kiểm tra của chuỗi kiểm toán (" + ChainExport.FORMAT + ").");
        }
        return verify(kept.checkpoints());
    }

    /** The public key that verifies the checkpoints, as PEM. */
    @GetMapping(value = "/chain/public-key", produces = "application/x-pem-file")
    String publicKey() {
        return key.publicPem();
    }

    /** Every signed checkpoint with the public key, as a file to keep elsewhere. */
    @GetMapping("/chain/checkpoints")
    ResponseEntity<ChainExport> checkpoints() {
        List<Checkpoint> checkpoints = jdbc.execute((ConnectionCallback<List<Checkpoint>>) Checkpoint::readAll);
        String file = "ocop-audit-checkpoints-" + LocalDate.now(clock.withZone(ZoneOffset.UTC)) + ".json";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(new ChainExport(ChainExport.FORMAT, key.keyId(), key.publicPem(), clock.instant(), checkpoints));
    }

    private ChainVerifier.Report verify(List<Checkpoint> kept) {
        ChainVerifier verifier = new ChainVerifier(key);
        return jdbc.execute((ConnectionCallback<ChainVerifier.Report>) c -> verifier.verifyInSnapshot(c, kept));
    }
}
