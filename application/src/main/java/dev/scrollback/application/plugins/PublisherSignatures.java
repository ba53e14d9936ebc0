package dev.scrollback.application.plugins;

import dev.scrollback.domain.plugins.PackageSha256;
import dev.scrollback.domain.plugins.PublisherKeyId;
import java.util.Optional;

/**
 * Out-port: which trusted publisher, if any, signed a package (issue 6 item 5: "signatures checked against trusted
 * publisher keys on install"). What is signed is the package's SHA-256 as 64 lower-case hexadecimal characters.
 */
public interface PublisherSignatures {

    Optional<PublisherKeyId> signer(PackageSha256 sha256, byte[] signature);
}
