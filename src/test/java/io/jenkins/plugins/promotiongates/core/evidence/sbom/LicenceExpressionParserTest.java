package io.jenkins.plugins.promotiongates.core.evidence.sbom;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.promotiongates.core.evidence.sbom.LicenceExpression.And;
import io.jenkins.plugins.promotiongates.core.evidence.sbom.LicenceExpression.Licence;
import io.jenkins.plugins.promotiongates.core.evidence.sbom.LicenceExpression.Or;
import org.junit.Test;

/** SPDX licence expressions: precedence, grouping, exceptions, "or later", and clear refusals. */
public class LicenceExpressionParserTest {

    private static Licence id(String id) {
        return new Licence(id, false, "");
    }

    @Test
    public void andBindsTighterThanOr() {
        assertEquals(
                new Or(id("MIT"), new And(id("Apache-2.0"), id("BSD-3-Clause"))),
                LicenceExpressionParser.parse("MIT OR Apache-2.0 AND BSD-3-Clause"));
        assertEquals(
                new Or(new And(id("MIT"), id("Apache-2.0")), id("BSD-3-Clause")),
                LicenceExpressionParser.parse("MIT AND Apache-2.0 OR BSD-3-Clause"));
    }

    @Test
    public void parenthesesGroup() {
        assertEquals(
                new And(new Or(id("MIT"), id("Apache-2.0")), id("BSD-3-Clause")),
                LicenceExpressionParser.parse("(MIT OR Apache-2.0) AND BSD-3-Clause"));
        assertEquals(id("MIT"), LicenceExpressionParser.parse(" ((MIT)) "));
    }

    @Test
    public void withOrLaterAndReferences() {
        assertEquals(
                new Licence("GPL-2.0-only", false, "Classpath-exception-2.0"),
                LicenceExpressionParser.parse("GPL-2.0-only WITH Classpath-exception-2.0"));
        assertEquals(new Licence("GPL-2.0", true, ""), LicenceExpressionParser.parse("GPL-2.0+"));
        assertEquals(
                new Or(id("LicenseRef-acme"), id("DocumentRef-spdx-tool:LicenseRef-x")),
                LicenceExpressionParser.parse("LicenseRef-acme OR DocumentRef-spdx-tool:LicenseRef-x"));
        assertEquals(
                new And(new Licence("GPL-2.0-or-later", false, "Bison-exception-2.2"), id("MIT")),
                LicenceExpressionParser.parse("GPL-2.0-or-later WITH Bison-exception-2.2 AND MIT"));
    }

    private static String refused(String expression) {
        return assertThrows(IllegalArgumentException.class, () -> LicenceExpressionParser.parse(expression))
                .getMessage();
    }

    @Test
    public void oddOperatorsAreNamed() {
        assertEquals(
                "'/' in 'MIT/Apache-2.0' is not an SPDX operator or licence id: join licences with AND, OR or WITH",
                refused("MIT/Apache-2.0"));
        assertThat(refused("MIT & Apache-2.0"), containsString("'&' in 'MIT & Apache-2.0' is not an SPDX operator"));
        assertThat(refused("MIT || Apache-2.0"), containsString("'||' in"));
        assertThat(refused("MIT, Apache-2.0"), containsString("',' in"));
        assertThat(refused("MIT + Apache-2.0"), containsString("'+' in"));
    }

    @Test
    public void lowerCaseOperatorsAreNamedAsSuch() {
        assertEquals(
                "expected AND, OR, WITH or the end but found 'and' in 'MIT and Apache-2.0': SPDX operators are upper"
                        + " case (AND, OR, WITH)",
                refused("MIT and Apache-2.0"));
        assertThat(refused("and"), containsString("'and' in 'and' is written in lower case"));
    }

    @Test
    public void brokenShapesAreRefused() {
        assertEquals("'MIT OR' ends where a licence id or '(' should be", refused("MIT OR"));
        assertEquals("'(MIT' ends where ')' should be", refused("(MIT"));
        assertThat(refused("MIT)"), containsString("found ')'"));
        assertThat(refused("MIT Apache-2.0"), containsString("found 'Apache-2.0'"));
        assertThat(refused("NOT MIT"), containsString("found 'MIT' in 'NOT MIT'"));
        assertThat(refused("OR MIT"), containsString("expected a licence id or '(' but found 'OR'"));
        assertThat(refused("GPL-2.0 WITH"), containsString("ends where an exception id after WITH should be"));
        assertThat(refused("GPL-2.0 WITH Classpath-exception-2.0+"), containsString("only a licence can be"));
        assertEquals("the licence expression is empty", refused(" "));
    }

    @Test
    public void hostileSizesAreRefused() {
        assertThat(refused("(".repeat(30) + "MIT" + ")".repeat(30)), containsString("deeper than 20 levels"));
        assertThat(refused("MIT OR ".repeat(200) + "MIT"), containsString("at most 1000"));
    }
}
