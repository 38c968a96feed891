package io.jenkins.plugins.promotiongates.core.policy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class CanonicalPolicyJsonTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    /** Every setting used, with hostile text where text is free. */
    static EffectivePolicy everySetting() {
        Environment environment = Environment.builder("production")
                .promotedFrom("staging", "hotfix")
                .rule(new ApprovalRule("leads \"core\"", Set.of("alice", "bob"), Set.of("leads"), 2, false))
                .rule(new ApprovalRule("sécurité 🔒", Set.of(), Set.of("security"), 1, true))
                .starterMayNotApprove(true)
                .changeAuthorsMayNotApprove(false)
                .onePersonOneRule(true)
                .approvalValidity(Duration.ofHours(12))
                .gateTimeout(Duration.ofDays(2))
                .signature(new SignatureRequirement(Set.of("release-key", "backup-key"), 3072, SignatureHash.SHA384))
                .allowedBranches("main", "release/**")
                .timeZone(ZoneId.of("Europe/Paris"))
                .changeWindows(List.of(WeeklyWindow.parse("w", "MON-FRI", "09:00", "17:30")))
                .freezes(List.of(new Freeze(
                        Instant.parse("2025-12-20T00:00:00Z"),
                        Instant.parse("2026-01-05T00:00:00Z"),
                        "year-end\ttab\u0001\u007f\\ / \n end")))
                .soakTime(Duration.ofHours(48))
                .repository("file:///srv/releases")
                .breakGlass(new BreakGlass(true, Set.of("root")))
                .build();
        return new EffectivePolicy(environment, Set.of("alice", "erin"));
    }

    private String jq(String input) throws IOException, InterruptedException {
        Path file = temp.newFile().toPath();
        Files.writeString(file, input, StandardCharsets.UTF_8);
        return run("jq", "-cS", ".", file.toString());
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(String.join(" ", command) + " said: " + out, 0, process.waitFor());
        return out;
    }

    @Test
    public void policyTextIsExactlyWhatJqPrints() throws Exception {
        String canonical = everySetting().canonicalJson();
        assertEquals(jq(canonical), canonical + "\n");
        assertThat(canonical, containsString("\"approvalValiditySeconds\":43200"));
        assertThat(canonical, containsString("\"sécurité 🔒\""));
        assertThat(canonical, containsString("year-end\\ttab\\u0001\\u007f\\\\ / \\n end"));
    }

    @Test
    public void digestIsTheSha256sumOfTheCanonicalBytes() throws Exception {
        EffectivePolicy policy = everySetting();
        Path file = temp.newFile().toPath();
        Files.writeString(file, policy.canonicalJson(), StandardCharsets.UTF_8);
        String sha256sum = run("sha256sum", file.toString()).substring(0, 64);
        assertEquals(sha256sum, policy.digest());
        String viaJq = run("bash", "-c", "jq -cS . \"$1\" | tr -d '\\n' | sha256sum", "jq", file.toString())
                .substring(0, 64);
        assertEquals(viaJq, policy.digest());
    }

    @Test
    public void writerMatchesJqOnHostileStringsAndKeys() throws Exception {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("z", List.of(1, -2, 9007199254740991L, -9007199254740991L, true, false));
        tree.put("a", "quote\" backslash\\ slash/ \b\f\n\r\t \u0000\u001f\u007f é 中 😀 \u2028");
        tree.put("B", Map.of("y", "", "x", List.of()));
        tree.put("\uffff", "after every BMP key");
        tree.put("\ud83d\ude00", "emoji key sorts after U+FFFF by code point");
        tree.put("nothing", null);
        String canonical = CanonicalPolicyJson.write(tree);
        assertEquals(jq(canonical), canonical + "\n");
    }

    @Test
    public void refusesFloatingPointAndUnknownTypes() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> CanonicalPolicyJson.write(Map.of("x", 1.5)));
        assertThat(e.getMessage(), containsString("is a floating-point number (1.5)"));
        IllegalArgumentException big = assertThrows(
                IllegalArgumentException.class, () -> CanonicalPolicyJson.write(List.of(9007199254740992L)));
        assertThat(big.getMessage(), containsString("9007199254740992"));
    }

    @Test
    public void readingBackGivesTheSamePolicyAndDigest() {
        EffectivePolicy policy = everySetting();
        EffectivePolicy read = PolicyJson.read(policy.canonicalJson());
        assertEquals(policy.digest(), read.digest());
        assertEquals(policy.canonicalJson(), read.canonicalJson());
        assertEquals(policy.approvers(), read.approvers());
        assertEquals(policy.environment().freezes(), read.environment().freezes());
        assertEquals(policy.environment().signature(), read.environment().signature());
        EffectivePolicy noSignature = new EffectivePolicy(
                policy.environment().toBuilder().signature(null).build(), Set.of());
        assertEquals(
                noSignature.digest(),
                PolicyJson.read(noSignature.canonicalJson()).digest());
    }

    @Test
    public void everySettingChangesTheDigest() {
        EffectivePolicy base = everySetting();
        Environment e = base.environment();
        List<Environment> variants = List.of(
                e.toBuilder().promotedFrom("staging").build(),
                e.toBuilder().starterMayNotApprove(false).build(),
                e.toBuilder().changeAuthorsMayNotApprove(true).build(),
                e.toBuilder().onePersonOneRule(false).build(),
                e.toBuilder().approvalValidity(Duration.ofHours(11)).build(),
                e.toBuilder().gateTimeout(Duration.ofDays(1)).build(),
                e.toBuilder()
                        .signature(SignatureRequirement.of(Set.of("release-key")))
                        .build(),
                e.toBuilder().allowedBranches("main").build(),
                e.toBuilder().timeZone(ZoneId.of("UTC")).build(),
                e.toBuilder().changeWindows(List.of()).build(),
                e.toBuilder().freezes(List.of()).build(),
                e.toBuilder().soakTime(Duration.ZERO).build(),
                e.toBuilder().repository("elsewhere").build(),
                e.toBuilder().breakGlass(BreakGlass.FORBIDDEN).build(),
                e.toBuilder().approvalRules(List.of(e.approvalRules().get(0))).build());
        for (Environment variant : variants) {
            assertNotEquals(variant.toString(), base.digest(), new EffectivePolicy(variant, base.approvers()).digest());
        }
        assertNotEquals(base.digest(), new EffectivePolicy(e, Set.of("alice")).digest());
    }

    @Test
    public void malformedPolicyTextNamesTheField() {
        String canonical = everySetting().canonicalJson();
        assertField("policy", () -> PolicyJson.read("{not json"));
        assertField("policy", () -> PolicyJson.read(null));
        assertField("policy.format", () -> PolicyJson.read(canonical.replace("\"format\":1", "\"format\":2")));
        assertField(
                "policy.gateTimeoutSeconds",
                () -> PolicyJson.read(canonical.replace("\"gateTimeoutSeconds\"", "\"x\"")));
        assertField(
                "policy.approvalRules",
                () -> PolicyJson.read(canonical
                        .replace("\"approvalRules\":[", "\"approvalRules\":{\"a\":[")
                        .replace("],\"approvalValiditySeconds\"", "]},\"approvalValiditySeconds\"")));
        assertField("policy", () -> PolicyJson.read(canonical.replace("Europe/Paris", "Mars/Olympus")));
        assertField("policy", () -> PolicyJson.read(canonical.replace("\"MONDAY\"", "\"MONDAY-ish\"")));
    }

    private static void assertField(String field, org.junit.function.ThrowingRunnable read) {
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, read);
        assertEquals(e.getMessage(), field, e.problems().get(0).field());
    }
}
