package io.jenkins.plugins.promotiongates.core.view;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.Freeze;
import io.jenkins.plugins.promotiongates.core.policy.PromotionPolicy;
import io.jenkins.plugins.promotiongates.core.policy.WeeklyWindow;
import io.jenkins.plugins.promotiongates.core.promotion.ApplicationHoldings;
import io.jenkins.plugins.promotiongates.core.promotion.Inventory;
import io.jenkins.plugins.promotiongates.core.promotion.PromotionRecord;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.Test;

/**
 * The environment view, per application: environments in promotion order with the release each holds,
 * waiting gates, change-calendar state now and soak countdowns, for what the viewer may read.
 */
public class EnvironmentMapTest {

    private static final Instant MONDAY_10 = Instant.parse("2025-06-02T10:00:00Z");
    private static final ArtifactDigest A = ArtifactDigest.parse("sha256:" + "a".repeat(64), "test");
    private static final ArtifactDigest B = ArtifactDigest.parse("sha256:" + "b".repeat(64), "test");

    private static final Freeze SUMMER =
            new Freeze(Instant.parse("2025-06-01T00:00:00Z"), Instant.parse("2025-06-09T00:00:00Z"), "summer release");

    private static PromotionPolicy policy() {
        return new PromotionPolicy(List.of(
                Environment.builder("production")
                        .promotedFrom("staging")
                        .soakTime(Duration.ofHours(24))
                        .freezes(List.of(SUMMER))
                        .build(),
                Environment.builder("dev").build(),
                Environment.builder("staging")
                        .promotedFrom("dev")
                        .soakTime(Duration.ofHours(2))
                        .timeZone(ZoneId.of("Europe/Paris"))
                        .changeWindows(List.of(WeeklyWindow.parse("w", "MON-FRI", "09:00", "17:00")))
                        .build(),
                Environment.builder("sandbox").build()));
    }

    private static PromotionRecord record(String application, String environment, ArtifactDigest file, int hours) {
        return record(application, environment, file, hours, "1." + hours);
    }

    private static PromotionRecord record(
            String application, String environment, ArtifactDigest file, int hours, String version) {
        return new PromotionRecord(
                environment,
                "",
                Release.of(application, version, new ReleaseFile("app.tar.gz", file, 7)),
                "shop#" + hours,
                "job/shop/" + hours + "/",
                MONDAY_10.plus(Duration.ofHours(hours)),
                "record-only:",
                true,
                false,
                false,
                List.of(),
                List.of(),
                "",
                null,
                null);
    }

    private static List<ApplicationHoldings> holdings(Predicate<PromotionRecord> readable, PromotionRecord... records) {
        return ApplicationHoldings.of(Inventory.of(List.of(records)), policy().names(), readable, 5);
    }

    private static EnvironmentMap map(List<ApplicationHoldings> holdings, List<WaitingGate> gates, Instant now) {
        return EnvironmentMap.of(policy(), holdings, gates, now);
    }

    private static List<String> names(List<LaneStop> stops) {
        return stops.stream().map(LaneStop::environment).toList();
    }

    @Test
    public void eachEnvironmentIsShownInPromotionOrderWithWhatItHoldsAndSinceWhen() {
        PromotionRecord dev = record("shop", "dev", B, 3);
        PromotionRecord staging = record("shop", "staging", A, 1);
        EnvironmentMap map = map(holdings(r -> true, dev, staging), List.of(), MONDAY_10.plus(Duration.ofHours(4)));
        PromotionLane lane = map.lane("shop").orElseThrow();
        assertEquals(List.of("dev", "staging", "production", "sandbox"), names(lane.stops()));
        assertEquals(List.of("dev"), names(lane.columns().get(0)));
        assertEquals(List.of("sandbox"), names(lane.outside()));
        LaneStop stagingStop = lane.stops().get(1);
        assertEquals(1, stagingStop.column());
        assertEquals(List.of("dev"), stagingStop.promotedFrom());
        assertEquals("1.1", stagingStop.holding().orElseThrow().current().version());
        assertEquals(
                MONDAY_10.plus(Duration.ofHours(1)),
                stagingStop.holding().orElseThrow().since());
        assertTrue(lane.stops().get(2).holding().isEmpty());
        assertFalse(lane.neverPromoted());
    }

    @Test
    public void soakCountdownRunsFromWhenTheReleaseArrivedTowardsEachNextEnvironment() {
        PromotionRecord staging = record("shop", "staging", A, 0);
        PromotionRecord dev = record("shop", "dev", B, 0);
        Instant now = MONDAY_10.plus(Duration.ofHours(20));
        PromotionLane lane = map(holdings(r -> true, staging, dev), List.of(), now)
                .lane("shop")
                .orElseThrow();
        List<SoakCountdown> stagingSoaks = lane.stops().get(1).soaks();
        assertEquals(1, stagingSoaks.size());
        assertEquals("production", stagingSoaks.get(0).target());
        assertEquals(MONDAY_10.plus(Duration.ofHours(24)), stagingSoaks.get(0).readyAt());
        assertEquals(Duration.ofHours(4), stagingSoaks.get(0).remaining());
        assertFalse(stagingSoaks.get(0).soaked());
        // dev's release has soaked its 2h towards staging: ready, time left zero.
        SoakCountdown devSoak = lane.stops().get(0).soaks().get(0);
        assertEquals("staging", devSoak.target());
        assertTrue(devSoak.soaked());
        assertEquals(Duration.ZERO, devSoak.remaining());
        // production and sandbox have nothing after them with a soak time.
        assertEquals(List.of(), lane.stops().get(2).soaks());
    }

    @Test
    public void aReleaseThatMovedOnHasNoCountdownTowardsWhereItAlreadyIs() {
        PromotionRecord dev = record("shop", "dev", A, 0, "2.0");
        PromotionRecord staging = record("shop", "staging", A, 1, "2.0");
        PromotionLane lane = map(holdings(r -> true, dev, staging), List.of(), MONDAY_10.plus(Duration.ofHours(1)))
                .lane("shop")
                .orElseThrow();
        assertEquals(List.of(), lane.stops().get(0).soaks());
        assertEquals(1, lane.stops().get(1).soaks().size());
    }

    @Test
    public void freezeAndChangeWindowStateIsShownWithUntilWhen() {
        // Monday 2025-06-02 10:00Z is 12:00 in Paris: staging's window is open until 17:00 CEST = 15:00Z.
        PromotionLane lane = map(holdings(r -> true, record("shop", "dev", A, 0)), List.of(), MONDAY_10)
                .lane("shop")
                .orElseThrow();
        CalendarState dev = lane.stops().get(0).calendar();
        assertEquals(CalendarState.Kind.ALWAYS_OPEN, dev.kind());
        assertEquals(Optional.empty(), dev.until());
        CalendarState staging = lane.stops().get(1).calendar();
        assertEquals(CalendarState.Kind.OPEN, staging.kind());
        assertEquals(Optional.of(Instant.parse("2025-06-02T15:00:00Z")), staging.until());
        CalendarState production = lane.stops().get(2).calendar();
        assertEquals(CalendarState.Kind.FROZEN, production.kind());
        assertFalse(production.kind().isOpen());
        assertEquals("summer release", production.reason());
        assertEquals(Optional.of(SUMMER.to()), production.until());
    }

    @Test
    public void outsideTheWindowsTheNextOpeningIsShown() {
        Instant saturday = Instant.parse("2025-06-07T10:00:00Z");
        CalendarState staging = map(holdings(r -> true, record("shop", "dev", A, 0)), List.of(), saturday)
                .lane("shop")
                .orElseThrow()
                .stops()
                .get(1)
                .calendar();
        assertEquals(CalendarState.Kind.OUTSIDE_WINDOWS, staging.kind());
        assertEquals(Optional.of(Instant.parse("2025-06-09T07:00:00Z")), staging.until()); // Monday 09:00 CEST
    }

    @Test
    public void waitingGatesAreCountedWhereTheyWouldPromoteOldestFirst() {
        WaitingGate late = new WaitingGate("shop", "production", "job/shop/9/approvals/p/", MONDAY_10.plusSeconds(60));
        WaitingGate early = new WaitingGate("shop", "production", "job/shop/8/approvals/p/", MONDAY_10);
        WaitingGate other = new WaitingGate("cart", "production", "job/cart/1/approvals/p/", MONDAY_10);
        PromotionLane lane = map(
                        holdings(r -> true, record("shop", "staging", A, 0)), List.of(late, early, other), MONDAY_10)
                .lane("shop")
                .orElseThrow();
        assertEquals(List.of(early, late), lane.stops().get(2).waiting());
        assertEquals(List.of(), lane.stops().get(1).waiting());
    }

    @Test
    public void anApplicationNeverPromotedHasALaneWithNothingInItWhenAGateWaitsForIt() {
        WaitingGate first = new WaitingGate("cart", "dev", "job/cart/1/approvals/d/", MONDAY_10);
        EnvironmentMap map = map(holdings(r -> true, record("shop", "dev", A, 0)), List.of(first), MONDAY_10);
        assertEquals(
                List.of("cart", "shop"),
                map.lanes().stream().map(PromotionLane::application).toList());
        PromotionLane cart = map.lane("cart").orElseThrow();
        assertTrue(cart.neverPromoted());
        assertEquals(List.of("dev", "staging", "production", "sandbox"), names(cart.stops()));
        assertEquals(List.of(first), cart.stops().get(0).waiting());
        assertTrue(cart.stops().stream().allMatch(stop -> stop.soaks().isEmpty()));
        assertEquals(Optional.empty(), map.lane("unknown"));
    }

    @Test
    public void whatTheViewerMayNotReadIsNotShown() {
        PromotionRecord hidden = record("secret", "dev", A, 0);
        PromotionRecord shown = record("shop", "dev", B, 0);
        EnvironmentMap map = map(holdings(r -> !r.application().equals("secret"), hidden, shown), List.of(), MONDAY_10);
        assertEquals(
                List.of("shop"),
                map.lanes().stream().map(PromotionLane::application).toList());
    }

    @Test
    public void anEnvironmentThePolicyNoLongerDefinesIsShownLastWithoutACalendar() {
        PromotionLane lane = map(holdings(r -> true, record("shop", "qa-old", A, 0)), List.of(), MONDAY_10)
                .lane("shop")
                .orElseThrow();
        LaneStop old = lane.outside().get(lane.outside().size() - 1);
        assertEquals("qa-old", old.environment());
        assertFalse(old.defined());
        assertNull(old.calendar());
        assertEquals(-1, old.column());
    }

    @Test
    public void aCycleIsNamedOnEveryLane() {
        PromotionPolicy cyclic = new PromotionPolicy(List.of(
                Environment.builder("a").promotedFrom("b").build(),
                Environment.builder("b").promotedFrom("a").build()));
        EnvironmentMap map =
                EnvironmentMap.of(cyclic, List.of(), List.of(new WaitingGate("shop", "a", "u/", MONDAY_10)), MONDAY_10);
        PromotionLane lane = map.lane("shop").orElseThrow();
        assertEquals(List.of("a", "b"), lane.cycle());
        assertEquals(List.of("a", "b"), names(lane.outside()));
        assertEquals(List.of(), lane.columns());
    }
}
