package vn.ocop.query.audit.chain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Ed25519 key that signs the chain's checkpoints, kept as PEM: a file holding a {@code PRIVATE KEY} block
 * (PKCS#8) and a {@code PUBLIC KEY} block (X.509), or only the public block for a verifier. Its id is the first
 * 16 bytes of the SHA-256 of the public key, in hex.
 */
public final class SigningKey {

    private static final String ALGORITHM = "Ed25519";
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN (PRIVATE|PUBLIC) KEY-----([A-Za-z0-9+/=\\s]+)-----END \\1 KEY-----");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private SigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    public static SigningKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            return new SigningKey(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 17 runtime", e);
        }
    }

    /** Reads the key from PEM text; a text with only the public block gives a key that verifies but cannot sign. */
    public static SigningKey fromPem(String pem) {
        PrivateKey privateKey = null;
        PublicKey publicKey = null;
        Matcher block = BLOCK.matcher(pem);
        try {
            KeyFactory keys = KeyFactory.getInstance(ALGORITHM);
            while (block.find()) {
                byte[] der = Base64.getMimeDecoder().decode(block.group(2).strip());
                if (block.group(1).equals("PRIVATE")) {
                    privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(der));
                } else {
                    publicKey = keys.generatePublic(new X509EncodedKeySpec(der));
                }
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 key in PEM: " + e.getMessage(), e);
        }
        if (publicKey == null) {
            throw new IllegalArgumentException("the PEM text has no PUBLIC KEY block");
        }
        return new SigningKey(privateKey, publicKey);
    }

    public static SigningKey read(Path file) throws IOException {
        return fromPem(Files.readString(file, StandardCharsets.US_ASCII));
    }

    /** Writes both blocks to a new file readable by its owner only (where the file system allows). */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path written = Files.writeString(file, pem(true), StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's permissions protect it
        }
    }

    /** The public block alone, to hand to auditors. */
    public String publicPem() {
        return pem(false);
    }

    public String keyId() {
        return HexFormat.of().formatHex(StoredEvent.sha256().digest(publicKey.getEncoded()), 0, 16);
    }

    public boolean canSign() {
        return privateKey != null;
    }

    public byte[] sign(byte[] data) {
        if (privateKey == null) {
            throw new IllegalStateException("this key can only verify: its private part is not known");
        }
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    public boolean verifies(byte[] data, byte[] signed) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(publicKey);
            signature.update(data);
            return signature.verify(signed);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private String pem(boolean withPrivate) {
        StringBuilder pem = new StringBuilder();
        if (withPrivate && privateKey != null) {
            block(pem, "PRIVATE", privateKey.getEncoded());
        }
        block(pem, "PUBLIC", publicKey.getEncoded());
        return pem.toString();
    }

    private static void block(StringBuilder pem, String kind, byte[] der) {
        pem.append("-----BEGIN ").append(kind).append(" KEY-----\n")
                .append(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der))
                .append("\n-----END ").append(kind).append(" KEY-----\n");
    }
}
