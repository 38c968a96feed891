package io.jenkins.plugins.promotiongates.core.attestation;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.Test;

public class StatementJsonTest {

    @Test
    public void theStatementIsAnInTotoStatementWithAVerificationSummary() {
        PromotionStatement statement = Attestations.statement();
        String expected = ("{'_type':'https://in-toto.io/Statement/v1','predicate':{"
                        + "'https://github.com/jenkinsci/promotion-gates-plugin/blob/main/docs/attestations.md"
                        + "#promotion-v1':{'application':'shop','environment':'production','gates':['path',"
                        + "'signature','approvals','branch','changeWindow','soakTime','version'],"
                        + "'release':{'sha256':'@RELEASE@'},'version':'1.4.0'},"
                        + "'policy':{'digest':{'sha256':'@POLICY@'},"
                        + "'uri':'https://jenkins.example.com/manage/configureSecurity/'},"
                        + "'resourceUri':'file:/srv/releases/production/shop/1.4.0/','slsaVersion':'1.0',"
                        + "'timeVerified':'2025-06-02T10:00:00Z','verificationResult':'PASSED',"
                        + "'verifiedLevels':['PROMOTION_GATES_PATH','PROMOTION_GATES_SIGNATURE',"
                        + "'PROMOTION_GATES_APPROVALS','PROMOTION_GATES_BRANCH','PROMOTION_GATES_CHANGE_WINDOW',"
                        + "'PROMOTION_GATES_SOAK_TIME','PROMOTION_GATES_VERSION'],"
                        + "'verifier':{'id':'https://jenkins.example.com/'}},"
                        + "'predicateType':'https://slsa.dev/verification_summary/v1',"
                        + "'subject':[{'digest':{'sha256':'@APP@'},'name':'app.tar.gz'},"
                        + "{'digest':{'sha256':'@DOCS@'},'name':'app-docs.zip'}]}")
                .replace('\'', '"')
                .replace("@RELEASE@", statement.releaseDigest().hex())
                .replace("@POLICY@", statement.policyDigest())
                .replace("@APP@", statement.subjects().get(0).digest().hex())
                .replace("@DOCS@", statement.subjects().get(1).digest().hex());
        assertEquals(expected, new String(StatementJson.write(statement), StandardCharsets.UTF_8));
    }

    @Test
    public void whatIsWrittenReadsBackAsTheSameStatement() throws Exception {
        PromotionStatement statement = Attestations.statement();
        assertEquals(statement, StatementReader.read(StatementJson.write(statement), "statement"));
    }

    @Test
    public void noGatesIsAnEmptyListOfLevels() throws Exception {
        PromotionStatement s = Attestations.statement();
        PromotionStatement none = new PromotionStatement(
                s.subjects(),
                s.application(),
                s.version(),
                s.environment(),
                s.releaseDigest(),
                s.policyUri(),
                s.policyDigest(),
                List.of(),
                s.verifierId(),
                s.resourceUri(),
                s.timeVerified());
        String json = new String(StatementJson.write(none), StandardCharsets.UTF_8);
        assertEquals(true, json.contains("\"verifiedLevels\":[]"));
        assertEquals(none, StatementReader.read(StatementJson.write(none), "statement"));
    }

    @Test
    public void gateNamesBecomeOneCustomLevelEach() {
        assertEquals(
                List.of("PROMOTION_GATES_CHANGE_WINDOW", "PROMOTION_GATES_A_B_C", "PROMOTION_GATES_SOAK2"),
                PreconditionLevels.levels(List.of("changeWindow", "aBC", "soak2")));
    }
}
