package io.jenkins.plugins.promotiongates;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.thoughtworks.xstream.XStream;
import com.thoughtworks.xstream.mapper.MapperWrapper;
import io.jenkins.plugins.promotiongates.core.approval.ApprovalGate;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshotJson;
import io.jenkins.plugins.promotiongates.core.approval.GateState;
import io.jenkins.plugins.promotiongates.core.approval.RunParties;
import io.jenkins.plugins.promotiongates.core.policy.ApprovalRule;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.GroupDirectory;
import io.jenkins.plugins.promotiongates.core.policy.IdNormalizer;
import io.jenkins.plugins.promotiongates.core.policy.PolicyTightener;
import io.jenkins.plugins.promotiongates.core.policy.Tightening;
import io.jenkins.plugins.promotiongates.gates.ApprovalsAction;
import io.jenkins.plugins.promotiongates.gates.GatePage;
import io.jenkins.plugins.promotiongates.ledger.PromotionAuditAction;
import io.jenkins.plugins.promotiongates.steps.GateClosedInterruption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

/**
 * Runs stored by an earlier version still load: their {@code build.xml}, written with the former class
 * names, read by an XStream that knows those names exactly as {@link FormerClassNames} registers them with
 * Jenkins ({@code XStream2#addCompatibilityAlias}: read-only aliases). The plugin build's
 * {@code FormerClassNamesJenkinsTest} loads such a run in a real controller.
 */
public class FormerClassNamesTest {

    private static final IdNormalizer IDS = IdNormalizer.caseInsensitive();

    /** An XStream reading each former name as the class {@link FormerClassNames} maps it to. */
    private static XStream withFormerNames() {
        XStream xstream = new XStream() {
            @Override
            protected MapperWrapper wrapMapper(MapperWrapper next) {
                return new MapperWrapper(next) {
                    @Override
                    @SuppressWarnings("rawtypes")
                    public Class realClass(String elementName) {
                        Class<?> renamed = FormerClassNames.IN_BUILD_XML.get(elementName);
                        return renamed != null ? renamed : super.realClass(elementName);
                    }
                };
            }
        };
        xstream.allowTypesByWildcard(new String[] {"io.jenkins.plugins.promotiongates.**"});
        return xstream;
    }

    /** A waiting gate's snapshot JSON, as the engine writes it (its format did not change). */
    private static String waitingGateJson() {
        Environment staging = Environment.builder("staging")
                .rule(new ApprovalRule("leads", Set.of("alice", "bob"), Set.of(), 2, false))
                .build();
        ApprovalGate gate = ApprovalGate.open(
                "staging",
                new PolicyTightener(IDS, GroupDirectory.NONE).effective(staging, Tightening.NONE),
                null,
                RunParties.of(IDS, "sam", List.of()),
                Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC));
        return GateSnapshotJson.write(gate.snapshot());
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    /**
     * An Approvals action as an earlier version stored it in build.xml, under its former name, with one waiting
     * gate "staging" and then {@code fields} (the maps that version had).
     */
    private static ApprovalsAction readFormerApprovalsAction(String attributes, String fields) {
        String name = "io.jenkins.plugins.promotiongates.approvals.ApprovalsAction";
        String xml = "<" + name + attributes + ">\n"
                + "  <gates class=\"linked-hash-map\">\n"
                + "    <entry><string>staging</string><string>" + escaped(waitingGateJson()) + "</string></entry>\n"
                + "  </gates>\n"
                + fields
                + "</" + name + ">";
        return (ApprovalsAction) withFormerNames().fromXML(xml);
    }

    @Test
    public void theApprovalsActionOfAnEarlierVersionLoadsWithItsGates() {
        ApprovalsAction action = readFormerApprovalsAction(
                " plugin=\"promotion-gates@1.0\"",
                "  <messages class=\"linked-hash-map\">\n"
                        + "    <entry><string>staging</string><string>Ship it</string></entry>\n"
                        + "  </messages>\n"
                        + "  <subjects class=\"linked-hash-map\"/>\n"
                        + "  <evidence class=\"linked-hash-map\">\n"
                        + "    <entry><string>staging</string><list><string>tests: 12 passed</string></list></entry>\n"
                        + "  </evidence>\n");
        assertEquals(GateState.WAITING, action.snapshot("staging").state());
        List<GatePage> gates = action.getGates();
        assertEquals(1, gates.size());
        assertEquals("staging", gates.get(0).getId());
        assertEquals("Ship it", gates.get(0).getMessage());
    }

    @Test
    public void anApprovalsActionStoredBeforeSubjectsAndEvidenceStillLoads() {
        ApprovalsAction action = readFormerApprovalsAction("", "  <messages class=\"linked-hash-map\"/>\n");
        assertEquals("staging", action.getGates().get(0).getId());
        assertEquals("", action.getGates().get(0).getMessage());
    }

    @Test
    public void thePromotionAuditActionOfAnEarlierVersionLoads() {
        Object action = withFormerNames()
                .fromXML(
                        "<io.jenkins.plugins.promotiongates.audit.PromotionAuditAction plugin=\"promotion-gates@1.0\"/>");
        assertTrue(action instanceof PromotionAuditAction);
    }

    @Test
    public void theReasonAGateStoppedARunLoadsFromAnEarlierVersion() {
        Object cause = withFormerNames()
                .fromXML("<io.jenkins.plugins.promotiongates.approvals.GateClosedInterruption>"
                        + "<reason>Approval gate &apos;staging&apos; for staging rejected by bob: not yet</reason>"
                        + "</io.jenkins.plugins.promotiongates.approvals.GateClosedInterruption>");
        assertEquals(
                "Approval gate 'staging' for staging rejected by bob: not yet",
                ((GateClosedInterruption) cause).getShortDescription());
    }

    /** Every former name is gone from the code (else the alias would hide a live class), and no two map alike. */
    @Test
    public void everyFormerNameIsGoneAndEachClassHasOne() {
        for (Map.Entry<String, Class<?>> renamed : FormerClassNames.IN_BUILD_XML.entrySet()) {
            assertThrows(renamed.getKey(), ClassNotFoundException.class, () -> Class.forName(renamed.getKey()));
            assertFalse(renamed.getKey(), renamed.getValue().getName().equals(renamed.getKey()));
            assertNotNull(renamed.getValue());
        }
        assertEquals(
                FormerClassNames.IN_BUILD_XML.size(),
                Set.copyOf(FormerClassNames.IN_BUILD_XML.values()).size());
    }
}
