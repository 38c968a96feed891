package io.jenkins.plugins.promotiongates.core.attestation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.json.CanonicalJson;

/**
 * Writes a {@link PromotionStatement} as an in-toto Statement v1 whose predicate is a SLSA
 * Verification Summary v1, in canonical JSON (keys sorted, no whitespace), so that the same
 * promotion always gives the same bytes. The preconditions passed are custom {@code verifiedLevels}
 * ({@link PreconditionLevels}); the application, version, environment, release digest and precondition names are in
 * the extension field {@link #PROMOTION_FIELD}, which the in-toto parsing rules allow (a field
 * named by a URI; consumers ignore fields they do not know). {@link StatementReader} reads it back.
 */
public final class StatementJson {

    /** The in-toto Statement type. */
    public static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v1";

    /** The SLSA Verification Summary predicate type. */
    public static final String PREDICATE_TYPE = "https://slsa.dev/verification_summary/v1";

    /** The DSSE payload type of an in-toto Statement. */
    public static final String PAYLOAD_TYPE = "application/vnd.in-toto+json";

    /** The predicate's extension field with the promotion's own values, documented at this URI. */
    public static final String PROMOTION_FIELD =
            "https://github.com/jenkinsci/promotion-gates-plugin/blob/main/docs/attestations.md#promotion-v1";

    /** The version of the SLSA specification the summary follows. */
    static final String SLSA_VERSION = "1.0";

    /** The only result this plugin attests: a promotion that failed a precondition is never attested. */
    static final String PASSED = "PASSED";

    private StatementJson() {}

    /** The statement's canonical JSON bytes: the DSSE payload. */
    public static byte[] write(PromotionStatement statement) {
        ObjectNode root = CanonicalJson.newObject();
        root.put("_type", STATEMENT_TYPE);
        ArrayNode subjects = root.putArray("subject");
        for (AttestationSubject subject : statement.subjects()) {
            ObjectNode entry = subjects.addObject();
            entry.put("name", subject.name());
            entry.set("digest", digestSet(subject.digest()));
        }
        root.put("predicateType", PREDICATE_TYPE);
        ObjectNode predicate = root.putObject("predicate");
        predicate.putObject("verifier").put("id", statement.verifierId());
        predicate.put("timeVerified", statement.timeVerified().toString());
        predicate.put("resourceUri", statement.resourceUri());
        ObjectNode policy = predicate.putObject("policy");
        policy.put("uri", statement.policyUri());
        policy.putObject("digest").put("sha256", statement.policyDigest());
        predicate.put("verificationResult", PASSED);
        ArrayNode levels = predicate.putArray("verifiedLevels");
        PreconditionLevels.levels(statement.gates()).forEach(levels::add);
        predicate.put("slsaVersion", SLSA_VERSION);
        ObjectNode promotion = predicate.putObject(PROMOTION_FIELD);
        promotion.put("application", statement.application());
        promotion.put("version", statement.version());
        promotion.put("environment", statement.environment());
        promotion.set("release", digestSet(statement.releaseDigest()));
        ArrayNode gates = promotion.putArray("gates");
        statement.gates().forEach(gates::add);
        return CanonicalJson.write(root);
    }

    /** An in-toto DigestSet: {@code {"sha256": "<hex>"}}. */
    private static ObjectNode digestSet(ArtifactDigest digest) {
        ObjectNode set = CanonicalJson.newObject();
        set.put(digest.algorithm().label(), digest.hex());
        return set;
    }
}
