package vn.gov.moha.portal.signature;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The folder of trusted certificates, {@code portal.signature.trusted-dir}: the administrator places there the root
 * certificates (PEM or DER, {@code .cer}, {@code .crt}, {@code .pem}, {@code .der}) whose chains the portal calls
 * trusted, e.g. the Government Cipher Committee's root. None is shipped; a missing folder means nothing is trusted.
 */
@ConfigurationProperties("portal.signature")
public record SignatureProperties(
        @DefaultValue("./data/trusted-roots") String trustedDir) {

    /** The folder as an absolute, normalised path. */
    public Path trustedPath() {
        return Path.of(trustedDir).toAbsolutePath().normalize();
    }
}
