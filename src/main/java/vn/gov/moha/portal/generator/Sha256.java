package vn.gov.moha.portal.generator;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 for evidence files' names and checksums and for the seeds of the generator's random draws. */
final class Sha256 {

    private Sha256() {
    }

    static String hex(byte[] content) {
        return HexFormat.of().formatHex(bytes(content));
    }

    static byte[] bytes(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
