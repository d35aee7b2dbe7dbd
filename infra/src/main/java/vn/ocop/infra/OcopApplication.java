package vn.ocop.infra;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import vn.ocop.infra.bench.Benchmarks;
import vn.ocop.infra.bench.GenerateCommand;
import vn.ocop.infra.cli.AuditCommands;
import vn.ocop.infra.cli.ImportCommand;

/**
 * Starts the OCOP service: both sides in one process unless configured otherwise. With {@code verify-chain} or
 * {@code generate-signing-key} as first argument it runs that auditor's tool instead (see {@link AuditCommands});
 * with {@code import}, a client that sends an OCOP list to a running service ({@link ImportCommand}); with
 * {@code generate}, synthetic histories for measurements ({@link GenerateCommand}); with {@code benchmark}, the
 * measurements of {@link Benchmarks}.
 */
// The sides come in through NodeRoles, each only on a node that runs it.
@SpringBootApplication(scanBasePackages = "vn.ocop.infra")
@ConfigurationPropertiesScan("vn.ocop")
// Axon registers its own entities (events, snapshots, tokens) beside any of the project's.
@AutoConfigurationPackage(basePackages = "vn.ocop")
public class OcopApplication {

    public static void main(String[] args) throws Exception {
        if (AuditCommands.handles(args)) {
            System.exit(AuditCommands.run(args, System.out, System.err));
        }
        if (ImportCommand.handles(args)) {
            System.exit(ImportCommand.run(args, System.out, System.err));
        }
        if (GenerateCommand.handles(args)) {
            System.exit(GenerateCommand.run(OcopApplication.class, args, System.out));
        }
        if (Benchmarks.handles(args)) {
            System.exit(Benchmarks.run(args, System.out));
        }
        SpringApplication.run(OcopApplication.class, args);
    }
}
