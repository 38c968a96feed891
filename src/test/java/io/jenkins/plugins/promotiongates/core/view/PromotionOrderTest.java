package io.jenkins.plugins.promotiongates.core.view;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.PromotionPolicy;
import java.util.Arrays;
import java.util.List;
import org.junit.Test;

/** The environment view's order: promotedFrom chains as columns, everything else after them. */
public class PromotionOrderTest {

    private static Environment env(String name, String... from) {
        return Environment.builder(name).promotedFrom(from).build();
    }

    private static PromotionOrder order(Environment... environments) {
        return PromotionOrder.of(new PromotionPolicy(Arrays.asList(environments)));
    }

    @Test
    public void aChainIsShownInPromotionOrderWhateverTheAdministratorsOrder() {
        PromotionOrder order = order(env("production", "staging"), env("dev"), env("staging", "dev"));
        assertEquals(List.of(List.of("dev"), List.of("staging"), List.of("production")), order.columns());
        assertEquals(List.of("dev", "staging", "production"), order.all());
        assertEquals(List.of(), order.outside());
        assertEquals(List.of(), order.cycle());
        assertEquals(2, order.columnOf("production"));
    }

    @Test
    public void environmentsPromotedFromTheSameOneShareAColumnAndAJoinWaitsForItsFurthestSource() {
        PromotionOrder order = order(
                env("dev"),
                env("qa", "dev"),
                env("staging", "dev"),
                env("perf", "staging"),
                env("production", "qa", "perf"));
        assertEquals(
                List.of(List.of("dev"), List.of("qa", "staging"), List.of("perf"), List.of("production")),
                order.columns());
    }

    @Test
    public void looseEnvironmentsComeAfterTheChainInTheAdministratorsOrder() {
        PromotionOrder order = order(env("sandbox"), env("production", "staging"), env("staging"), env("demo"));
        assertEquals(List.of(List.of("staging"), List.of("production")), order.columns());
        assertEquals(List.of("sandbox", "demo"), order.outside());
        assertEquals(-1, order.columnOf("sandbox"));
        assertEquals(List.of("staging", "production", "sandbox", "demo"), order.all());
    }

    @Test
    public void aSourceThePolicyDoesNotDefineIsIgnored() {
        PromotionOrder order = order(env("production", "gone"));
        assertEquals(List.of(), order.columns());
        assertEquals(List.of("production"), order.outside());
    }

    @Test
    public void aCycleAndWhatFollowsItAreNamedAndShownAfterTheChain() {
        PromotionOrder order = order(
                env("dev"), env("a", "b"), env("b", "a"), env("c", "b"), env("staging", "dev"), env("loop", "loop"));
        assertEquals(List.of(List.of("dev"), List.of("staging")), order.columns());
        assertEquals(List.of("a", "b", "c", "loop"), order.cycle());
        assertEquals(List.of("a", "b", "c", "loop"), order.outside());
    }

    @Test
    public void anEmptyPolicyHasNothingToShow() {
        PromotionOrder order = order();
        assertEquals(List.of(), order.all());
    }
}
