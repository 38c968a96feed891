package io.jenkins.plugins.promotiongates.config;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.Test;

/**
 * Every form endpoint of the configuration ({@code doCheck*}, {@code doFill*}, {@code doAutoComplete*}: the sinks', the
 * environments', the trusted keys') checks the caller's permission before it looks at anything, directly
 * or through the helper it calls. That every form endpoint answers POST only is an ArchUnit rule of
 * {@code ArchitectureTest}, over the whole glue. The JenkinsRule twin, {@code SinkConfigurationJenkinsTest},
 * calls them as a user without Overall/Administer.
 */
public class FormEndpointsTest {

    private static final JavaClasses CONFIG = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jenkins.plugins.promotiongates.config");

    @Test
    public void everyFormMethodOfTheConfigurationChecksThePermission() {
        List<String> problems = new ArrayList<>();
        int endpoints = 0;
        for (JavaClass type : CONFIG) {
            for (JavaMethod method : type.getMethods()) {
                String name = method.getName();
                if (!method.getModifiers().contains(JavaModifier.PUBLIC)
                        || !(name.startsWith("doCheck")
                                || name.startsWith("doFill")
                                || name.startsWith("doAutoComplete"))) {
                    continue;
                }
                endpoints++;
                String where = type.getSimpleName() + "." + name;
                if (!checksPermission(method, 4, new HashSet<>())) {
                    problems.add(where + " does not check a permission");
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue("the sinks' and the policy form's endpoints are among them: " + endpoints, endpoints >= 40);
    }

    /** Whether {@code code} calls checkPermission or hasPermission, itself or through the plugin's own methods. */
    private static boolean checksPermission(JavaCodeUnit code, int depth, Set<String> seen) {
        if (depth == 0 || !seen.add(code.getFullName())) {
            return false;
        }
        for (JavaMethodCall call : code.getMethodCallsFromSelf()) {
            String target = call.getTarget().getName();
            if (target.equals("checkPermission") || target.equals("hasPermission")) {
                return true;
            }
            if (call.getTargetOwner().getPackageName().startsWith("io.jenkins.plugins.promotiongates")) {
                for (JavaMethod resolved :
                        call.getTarget().resolveMember().stream().toList()) {
                    if (checksPermission(resolved, depth - 1, seen)) {
                        return true;
                    }
                }
            }
        }
        // A lambda's body is a synthetic method of the same class: the check helper takes one.
        for (JavaMethod synthetic : code.getOwner().getMethods()) {
            if (synthetic.getName().startsWith("lambda$" + code.getName() + "$")
                    && checksPermission(synthetic, depth - 1, seen)) {
                return true;
            }
        }
        return false;
    }
}
