package io.jenkins.plugins.promotiongates.core.signature;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import org.junit.Test;

public class TrustedKeyNameTest {

    @Test
    public void acceptsPlainNames() {
        for (String name : new String[] {"release-team", "ops.signing_2026", "A", "x".repeat(64)}) {
            assertNull(name, TrustedKeyName.problem(name));
        }
    }

    @Test
    public void refusesEmptyOddAndOverlongNamesNamingTheValue() {
        assertEquals("A trusted key needs a name, such as 'release-team'.", TrustedKeyName.problem(" "));
        assertEquals("A trusted key needs a name, such as 'release-team'.", TrustedKeyName.problem(null));
        for (String name : new String[] {"-leading", "with space", "a/b", "<script>", "x".repeat(65)}) {
            assertEquals(
                    "Trusted key name '" + name + "' is not valid: use 1 to 64 letters, digits, '.', '-' or '_',"
                            + " starting with a letter or digit.",
                    TrustedKeyName.problem(name));
        }
    }
}
