package io.jenkins.plugins.promotiongates.core.evidence.sbom;

import static io.jenkins.plugins.promotiongates.core.evidence.EvidenceFixtures.bytes;
import static io.jenkins.plugins.promotiongates.core.evidence.EvidenceFixtures.context;
import static io.jenkins.plugins.promotiongates.core.evidence.EvidenceFixtures.document;
import static io.jenkins.plugins.promotiongates.core.evidence.EvidenceFixtures.release;
import static io.jenkins.plugins.promotiongates.core.evidence.EvidenceFixtures.sha256;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceContext;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceDocument;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceLimits;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceVerdict;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import java.util.List;
import java.util.function.Consumer;
import org.junit.Test;

/**
 * SBOM evidence from real cyclonedx-maven-plugin output (fixtures README.md); every variation is made here,
 * in code, from the real 1.6 SBOM.
 */
public class SbomCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ALL_FIVE = List.of("Apache-2.0", "EPL-1.0", "BSD-3-Clause");
    private static final byte[] JAR = "the release's jar".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private static EvidenceVerdict check(SbomSettings settings, EvidenceDocument sbom) {
        ReleaseFile jar = new ReleaseFile("hello-service-1.4.2.jar", sha256(JAR), JAR.length);
        ReleaseFile bom = new ReleaseFile(sbom.name(), sbom.digest(), sbom.bytes().length);
        EvidenceContext context = context(release(jar, bom), "2026-12-06T12:00:00Z");
        return new SbomCheck(settings, EvidenceLimits.DEFAULT).evaluate(List.of(sbom), context);
    }

    private static EvidenceVerdict check(List<String> allowed, EvidenceDocument sbom) {
        return check(new SbomSettings(allowed, false, false), sbom);
    }

    /** The real 1.6 SBOM changed by {@code change}. */
    private static EvidenceDocument changed(Consumer<ObjectNode> change) throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(bytes("cyclonedx-maven-1.6.json"));
        change.accept(tree);
        return document("bom.json", JSON.writeValueAsBytes(tree));
    }

    private static ObjectNode component(ObjectNode tree, int index) {
        return (ObjectNode) tree.get("components").get(index);
    }

    @Test
    public void realSbomsOfEverySupportedVersionPass() {
        for (String version : new String[] {"1.4", "1.5", "1.6"}) {
            EvidenceVerdict verdict = check(ALL_FIVE, document("cyclonedx-maven-" + version + ".json"));
            assertTrue(verdict.line(), verdict.passed());
            assertEquals(
                    "'cyclonedx-maven-" + version + ".json' (CycloneDX " + version + ", 5 components, subject not named"
                            + " by digest): every component pinned, every licence allowed",
                    verdict.message());
        }
    }

    @Test
    public void aLicenceOutsideTheAllowListIsNamedWithItsComponent() {
        EvidenceVerdict verdict = check(List.of("Apache-2.0", "BSD-3-Clause"), document("cyclonedx-maven-1.6.json"));
        assertFalse(verdict.passed());
        assertEquals(
                List.of("component 'pkg:maven/junit/junit@4.13.2?type=jar': licence 'EPL-1.0' is not allowed (EPL-1.0"
                        + " not in sbom.allowedLicences)"),
                verdict.problems());
        assertEquals(SbomCheck.LICENCE_REMEDY, verdict.remedy());
    }

    @Test
    public void everyProblemIsReportedAtOnce() throws Exception {
        EvidenceDocument sbom = changed(tree -> {
            component(tree, 0).put("version", "^2.22.1");
            component(tree, 1).remove("licenses");
            ArrayNode expression = JSON.createArrayNode();
            expression.addObject().put("expression", "Apache-2.0 AND GPL-3.0-only");
            component(tree, 2).set("licenses", expression);
            ArrayNode odd = JSON.createArrayNode();
            odd.addObject().put("expression", "MIT/Apache-2.0");
            component(tree, 4).set("licenses", odd);
        });
        EvidenceVerdict verdict = check(ALL_FIVE, sbom);
        assertEquals(
                List.of(
                        "component 'pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.22.1?type=jar': version"
                                + " '^2.22.1' starts with '^', a range operator",
                        "component 'pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.22?type=jar' states no"
                                + " licence",
                        "component 'pkg:maven/com.fasterxml.jackson.core/jackson-core@2.22.1?type=jar': licence"
                                + " 'Apache-2.0 AND GPL-3.0-only' is not allowed (GPL-3.0-only not in"
                                + " sbom.allowedLicences)",
                        "component 'pkg:maven/org.hamcrest/hamcrest-core@1.3?type=jar': licence expression"
                                + " 'MIT/Apache-2.0' is not valid SPDX: '/' in 'MIT/Apache-2.0' is not an SPDX operator"
                                + " or licence id: join licences with AND, OR or WITH"),
                verdict.problems());
        assertThat(verdict.remedy(), containsString("pin every dependency"));
        assertThat(verdict.remedy(), containsString("sbom.allowUnlicensed"));
        assertEquals("the SBOM 'bom.json' does not meet the policy", verdict.message());
    }

    @Test
    public void unlicensedComponentsPassWhenThePolicyAllowsThemAndOrChoosesAnAllowedSide() throws Exception {
        EvidenceDocument sbom = changed(tree -> {
            component(tree, 1).remove("licenses");
            ArrayNode either = JSON.createArrayNode();
            either.addObject().put("expression", "(GPL-3.0-only OR Apache-2.0)");
            component(tree, 2).set("licenses", either);
        });
        assertTrue(check(new SbomSettings(ALL_FIVE, true, false), sbom).passed());
    }

    @Test
    public void aLicenceKnownOnlyByNameIsRefused() throws Exception {
        EvidenceDocument sbom = changed(tree -> {
            ArrayNode named = JSON.createArrayNode();
            named.addObject().putObject("license").put("name", "The Hamcrest Licence");
            component(tree, 4).set("licenses", named);
        });
        assertEquals(
                List.of("component 'pkg:maven/org.hamcrest/hamcrest-core@1.3?type=jar': licence 'The Hamcrest"
                        + " Licence' has no SPDX id"),
                check(ALL_FIVE, sbom).problems());
    }

    private static void subjectHash(ObjectNode tree, String alg, String hex) {
        ArrayNode hashes = ((ObjectNode) tree.get("metadata").get("component")).putArray("hashes");
        hashes.addObject().put("alg", alg).put("content", hex);
    }

    @Test
    public void aSubjectNamedByDigestMustBeOneOfTheReleasesFiles() throws Exception {
        EvidenceDocument ours =
                changed(tree -> subjectHash(tree, "SHA-256", sha256(JAR).hex()));
        EvidenceVerdict verdict = check(new SbomSettings(ALL_FIVE, false, true), ours);
        assertTrue(verdict.line(), verdict.passed());
        assertThat(verdict.message(), containsString("subject is the release file 'hello-service-1.4.2.jar'"));

        String other = "0".repeat(64);
        EvidenceVerdict elsewhere = check(ALL_FIVE, changed(tree -> subjectHash(tree, "SHA-256", other)));
        assertFalse(elsewhere.passed());
        assertThat(
                elsewhere.problems().get(0),
                containsString("the SBOM 'bom.json' describes its subject 'pkg:maven/com.example/hello-service@1.4.2"
                        + "?type=jar' with SHA-256 '" + other + "', which is none of the release's files"
                        + " (bom.json sha256:"));
        assertThat(elsewhere.remedy(), containsString("generated in the same build"));
    }

    @Test
    public void aSubjectThatMustBeNamedByDigestButIsNotFails() throws Exception {
        EvidenceVerdict real = check(new SbomSettings(ALL_FIVE, false, true), document("cyclonedx-maven-1.6.json"));
        assertEquals(
                List.of("the SBOM 'cyclonedx-maven-1.6.json' names no SHA-256 of its subject"
                        + " 'pkg:maven/com.example/hello-service@1.4.2?type=jar'"),
                real.problems());
        EvidenceVerdict sha1Only = check(
                new SbomSettings(ALL_FIVE, false, true), changed(tree -> subjectHash(tree, "SHA-1", "a".repeat(40))));
        assertFalse(sha1Only.passed());
    }

    @Test
    public void wrongFormatsAndVersionsAreRefusedWithTheirRemedy() throws Exception {
        EvidenceVerdict old = check(ALL_FIVE, changed(tree -> tree.put("specVersion", "1.2")));
        assertEquals(
                List.of("the SBOM 'bom.json' is CycloneDX '1.2'; this gate reads CycloneDX 1.4, 1.5 and 1.6"),
                old.problems());
        assertThat(old.remedy(), containsString("-DschemaVersion=1.6"));
        EvidenceVerdict spdx = check(ALL_FIVE, document("sbom.spdx.json", "{\"spdxVersion\":\"SPDX-2.3\"}"));
        assertEquals(
                List.of("the SBOM 'sbom.spdx.json' is not a CycloneDX SBOM (bomFormat is missing)"), spdx.problems());
    }

    @Test
    public void anSbomThatBreaksItsSchemaIsRefusedWithTheSchemaErrors() throws Exception {
        EvidenceVerdict verdict =
                check(ALL_FIVE, changed(tree -> component(tree, 0).put("version", 2)));
        assertFalse(verdict.passed());
        assertThat(
                verdict.problems().get(0),
                containsString("the SBOM 'bom.json' does not follow the CycloneDX 1.6 schema: '"));
        assertThat(verdict.problems().get(0), containsString("version"));
    }

    @Test
    public void deepNestingAndBrokenJsonAreRefused() {
        EvidenceVerdict deep = check(ALL_FIVE, document("deep.json", "{\"a\":".repeat(5000) + "1" + "}".repeat(5000)));
        assertThat(
                deep.problems().get(0),
                containsString("the SBOM 'deep.json' exceeds a reading limit (nesting at most 64"));
        EvidenceVerdict cut = check(ALL_FIVE, document("cut.json", "{\"bomFormat\":"));
        assertThat(cut.problems().get(0), containsString("the SBOM 'cut.json' is not valid JSON"));
        EvidenceVerdict twice = check(ALL_FIVE, document("twice.json", "{\"a\":1,\"a\":2}"));
        assertThat(twice.problems().get(0), containsString("Duplicate field 'a'"));
    }
}
