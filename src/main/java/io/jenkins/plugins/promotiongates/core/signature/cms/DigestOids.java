package io.jenkins.plugins.promotiongates.core.signature.cms;

import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;

/** JCA names of the digest algorithm identifiers CMS and RFC 3161 use. */
final class DigestOids {

    private static final Map<ASN1ObjectIdentifier, String> NAMES = Map.of(
            PKCSObjectIdentifiers.md5, "MD5",
            OIWObjectIdentifiers.idSHA1, "SHA-1",
            NISTObjectIdentifiers.id_sha224, "SHA-224",
            NISTObjectIdentifiers.id_sha256, "SHA-256",
            NISTObjectIdentifiers.id_sha384, "SHA-384",
            NISTObjectIdentifiers.id_sha512, "SHA-512");

    private DigestOids() {}

    /** The JCA name, or the dotted OID when unknown. */
    static String name(ASN1ObjectIdentifier oid) {
        return NAMES.getOrDefault(oid, oid.getId());
    }

    static boolean isKnown(ASN1ObjectIdentifier oid) {
        return NAMES.containsKey(oid);
    }
}
