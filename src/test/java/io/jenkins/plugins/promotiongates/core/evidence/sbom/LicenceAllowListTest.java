package io.jenkins.plugins.promotiongates.core.evidence.sbom;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;
import org.junit.Test;

/** Which licence expressions an allow-list accepts, and which entries it refuses as a setting. */
public class LicenceAllowListTest {

    private final LicenceAllowList list =
            new LicenceAllowList(List.of("Apache-2.0", "MIT", "GPL-2.0-only"), "sbom.allowedLicences");

    private List<String> refused(String expression) {
        return list.refused(LicenceExpressionParser.parse(expression)).stream()
                .map(LicenceExpression.Licence::text)
                .toList();
    }

    @Test
    public void orNeedsOneSideAndNeedsBoth() {
        assertEquals(List.of(), refused("Apache-2.0 OR GPL-3.0-only"));
        assertEquals(List.of(), refused("GPL-3.0-only OR MIT"));
        assertEquals(List.of("GPL-3.0-only"), refused("Apache-2.0 AND GPL-3.0-only"));
        assertEquals(List.of("GPL-3.0-only", "EPL-1.0"), refused("GPL-3.0-only OR EPL-1.0"));
        assertEquals(List.of("EPL-1.0"), refused("(GPL-3.0-only OR MIT) AND EPL-1.0"));
    }

    @Test
    public void idsCompareCaseInsensitivelyAndExceptionsOrLaterFallBackToThePlainLicence() {
        assertEquals(List.of(), refused("apache-2.0"));
        assertEquals(List.of(), refused("GPL-2.0-only WITH Classpath-exception-2.0"));
        assertEquals(List.of(), refused("MIT+"));
        assertEquals(
                List.of("GPL-3.0-only WITH Classpath-exception-2.0"),
                refused("GPL-3.0-only WITH Classpath-exception-2.0"));
        LicenceAllowList exact =
                new LicenceAllowList(List.of("GPL-2.0-only WITH Classpath-exception-2.0"), "sbom.allowedLicences");
        assertEquals(
                List.of(), exact.refused(LicenceExpressionParser.parse("GPL-2.0-only WITH Classpath-exception-2.0")));
        assertEquals(
                1, exact.refused(LicenceExpressionParser.parse("GPL-2.0-only")).size());
    }

    @Test
    public void entriesAreSingleLicencesNamedBySetting() {
        assertThat(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new LicenceAllowList(List.of(), "sbom.allowedLicences"))
                        .getMessage(),
                containsString("sbom.allowedLicences is empty"));
        assertEquals(
                "sbom.allowedLicences[1] 'MIT OR Apache-2.0' combines licences; list each licence on its own line,"
                        + " and expressions made of them are judged by AND and OR",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new LicenceAllowList(List.of("MIT", "MIT OR Apache-2.0"), "sbom.allowedLicences"))
                        .getMessage());
        assertThat(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new SbomSettings(List.of("Apache 2.0"), false, false))
                        .getMessage(),
                containsString("sbom.allowedLicences[0] 'Apache 2.0' is not an SPDX licence: expected AND, OR, WITH"));
    }
}
