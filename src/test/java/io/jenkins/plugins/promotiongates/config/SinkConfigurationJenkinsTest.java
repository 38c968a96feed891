package io.jenkins.plugins.promotiongates.config;

import static io.jenkins.plugins.casc.misc.Util.getSecurityRoot;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.sun.net.httpserver.HttpServer;
import hudson.model.FreeStyleBuild;
import hudson.util.Secret;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.sink.InvalidSinkException;
import io.jenkins.plugins.promotiongates.ledger.RunAudit;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * Sinks in a real controller: Configuration-as-Code round trip, events recorded by a run reach a real
 * HTTP receiver with the token from a credential, the ledger page shows the backlog, and the form
 * checks answer POST only, to administrators only. Engine twins: {@code HttpSinkTest},
 * {@code SyslogSinkTest}, {@code SinkSettingsTest}; offline twin of the permission checks:
 * {@code FormEndpointsTest}.
 */
public class SinkConfigurationJenkinsTest {

    private static final String TOKEN = "jenkins-test-token-42";

    @Rule
    public JenkinsConfiguredWithCodeRule j = new JenkinsConfiguredWithCodeRule();

    @Test
    @ConfiguredWithCode("sinks.yml")
    public void sinksRoundTripThroughYaml() throws Exception {
        List<SinkConfig> sinks = PromotionGatesConfiguration.get().getSinks();
        assertEquals(2, sinks.size());
        SyslogSinkConfig syslog = (SyslogSinkConfig) sinks.get(0);
        assertEquals("siem", syslog.getName());
        assertEquals("logs.example.com", syslog.getHost());
        assertEquals(6514, syslog.getPort());
        assertTrue(syslog.isTls());
        assertEquals("audit", syslog.getFacility());
        HttpSinkConfig http = (HttpSinkConfig) sinks.get(1);
        assertEquals("hec-token", http.getCredentialsId());
        assertEquals("Splunk", http.getAuthScheme());
        assertEquals(16, http.getMaxQueueMegabytes());

        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        String yaml = toYamlString(getSecurityRoot(context).get("promotionGates"));
        assertThat(yaml, containsString("syslog:"));
        assertThat(yaml, containsString("httpJsonLines:"));
        assertThat(yaml, containsString("credentialsId: \"hec-token\""));
    }

    @Test
    public void anInvalidSinkIsRefusedWholeNamingTheField() {
        PromotionGatesConfiguration configuration = PromotionGatesConfiguration.get();
        HttpSinkConfig clear = new HttpSinkConfig("splunk", "http://splunk.example.com/raw");
        clear.setCredentialsId("hec-token");
        InvalidSinkException e = assertThrows(InvalidSinkException.class, () -> configuration.setSinks(List.of(clear)));
        assertThat(e.getMessage(), containsString("sinks[splunk].credentialsId: a credential would be sent"));
        assertEquals(List.of(), configuration.getSinks());
    }

    @Test
    public void recordedEventsReachTheReceiverWithTheCredentialsTokenAndTheLedgerPageShowsTheSink() throws Exception {
        List<String> lines = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            synchronized (lines) {
                tokens.add(exchange.getRequestHeaders().getFirst("Authorization"));
                for (String line :
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    lines.add(line);
                }
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            CredentialsProvider.lookupStores(j.jenkins)
                    .iterator()
                    .next()
                    .addCredentials(
                            Domain.global(),
                            new StringCredentialsImpl(
                                    CredentialsScope.GLOBAL, "hec", "token", Secret.fromString(TOKEN)));
            HttpSinkConfig sink = new HttpSinkConfig(
                    "receiver", "http://127.0.0.1:" + server.getAddress().getPort() + "/raw");
            sink.setCredentialsId("hec");
            PromotionGatesConfiguration.get().setSinks(List.of(sink));
            FreeStyleBuild build = j.buildAndAssertSuccess(j.createFreeStyleProject("app"));
            RunAudit.record(build, EventDraft.of("approval.granted", "alice").withEnvironment("production"));
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline) {
                synchronized (lines) {
                    if (lines.stream().anyMatch(line -> line.contains("\"type\":\"approval.granted\""))) {
                        break;
                    }
                }
                Thread.sleep(100);
            }
            synchronized (lines) {
                assertTrue(lines.toString(), lines.stream().anyMatch(line -> line.contains("\"job\":\"app\"")));
                assertEquals("Bearer " + TOKEN, tokens.get(0));
            }
            JenkinsRule.WebClient admin = j.createWebClient();
            String page = admin.goTo("manage/promotion-audit-ledger/")
                    .getWebResponse()
                    .getContentAsString();
            assertThat(page, containsString("Copies outside the controller"));
            assertThat(
                    page,
                    containsString("http://127.0.0.1:" + server.getAddress().getPort() + "/raw"));
            assertTrue("the token is not on the page", !page.contains(TOKEN));
        } finally {
            server.stop(0);
        }
    }

    @Test
    public void theFormChecksAnswerPostOnlyAndOnlyToAdministrators() throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ)
                .everywhere()
                .to("reader"));
        String check = "descriptorByName/" + SyslogSinkConfig.class.getName() + "/checkHost?value=logs";
        JenkinsRule.WebClient reader = j.createWebClient().login("reader").withThrowExceptionOnFailingStatusCode(false);
        WebRequest readerPost = new WebRequest(new URL(j.getURL(), check), HttpMethod.POST);
        reader.addCrumb(readerPost);
        assertEquals(403, reader.getPage(readerPost).getWebResponse().getStatusCode());
        JenkinsRule.WebClient admin = j.createWebClient().login("admin").withThrowExceptionOnFailingStatusCode(false);
        int get = admin.getPage(new WebRequest(new URL(j.getURL(), check), HttpMethod.GET))
                .getWebResponse()
                .getStatusCode();
        assertNotEquals("a GET is not answered", 200, get);
        WebRequest adminPost = new WebRequest(new URL(j.getURL(), check), HttpMethod.POST);
        admin.addCrumb(adminPost);
        assertEquals(200, admin.getPage(adminPost).getWebResponse().getStatusCode());
    }
}
