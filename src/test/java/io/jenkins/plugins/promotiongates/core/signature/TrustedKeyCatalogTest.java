package io.jenkins.plugins.promotiongates.core.signature;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class TrustedKeyCatalogTest {

    private final TrustedKeyCatalog catalog =
            new TrustedKeyCatalog(new LinkedHashMap<>(Map.of("release-team", "cred-1")));

    @Test
    public void resolvesConfiguredNamesInOrder() {
        TrustedKeyCatalog two = new TrustedKeyCatalog(mapOf("a", "id-a", "b", "id-b"));
        assertEquals(List.of("id-b", "id-a"), two.credentialsIdsFor(List.of("b", "a")));
        assertEquals(List.of(), two.credentialsIdsFor(List.of()));
    }

    @Test
    public void aPipelineCannotNameAKeyTheAdministratorDidNotConfigure() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> catalog.credentialsIdsFor(List.of("mine", "release-team", "other")));
        assertEquals(
                "Trusted keys 'mine', 'other' are not configured (configured: 'release-team'). Ask an administrator"
                        + " to add it in Manage Jenkins » Security » Promotion Gates, or pass the key with keyCredentialsId.",
                e.getMessage());
        IllegalArgumentException none = assertThrows(
                IllegalArgumentException.class, () -> new TrustedKeyCatalog(Map.of()).credentialsIdsFor(List.of("x")));
        assertEquals(
                "Trusted key 'x' is not configured (configured: none). Ask an administrator to add it in Manage Jenkins"
                        + " » Security » Promotion Gates, or pass the key with keyCredentialsId.",
                none.getMessage());
    }

    @Test
    public void refusesInvalidNamesInConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> new TrustedKeyCatalog(Map.of("bad name", "id")));
    }

    private static Map<String, String> mapOf(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
