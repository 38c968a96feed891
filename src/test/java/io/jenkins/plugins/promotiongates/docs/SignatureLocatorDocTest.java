package io.jenkins.plugins.promotiongates.docs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.jenkins.plugins.promotiongates.core.signature.verification.SignatureLocator;
import java.util.stream.Collectors;
import org.junit.Test;

/** The signature file names the docs and the step's help say are tried are those the locator tries, in its order. */
public class SignatureLocatorDocTest {

    @Test
    public void theDocumentedOrderIsTheLocatorsOrder() throws Exception {
        String markdown = "`ARTIFACT"
                + SignatureLocator.EXTENSIONS.stream()
                        .map(suffix -> suffix + "`")
                        .collect(Collectors.joining(", `"));
        assertThat(Sources.read("docs/signatures.md"), containsString(markdown));
        String html = "<code>ARTIFACT"
                + SignatureLocator.EXTENSIONS.stream()
                        .map(suffix -> suffix + "</code>")
                        .collect(Collectors.joining(", <code>"));
        assertThat(
                Sources.read(
                                "src/main/resources/io/jenkins/plugins/promotiongates/steps/VerifySignatureStep/help-signature.html")
                        .replaceAll("\\s+", " "),
                containsString(html));
    }
}
