package io.jenkins.plugins.promotiongates;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import hudson.Extension;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.junit.Test;

/**
 * Jenkins finds extensions through the index that sezpoz writes at compile time
 * ({@code META-INF/annotations/hudson.Extension}), because {@code @Extension} is {@code @Indexable}.
 * The offline build compiles with the same processor (the stand-in carries the real meta-annotation),
 * so what Jenkins will load is checked here: every {@code @Extension} is indexed, and every step and
 * every configuration element that Jenkins must bind has an indexed descriptor.
 */
public class ExtensionIndexTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jenkins.plugins.promotiongates");

    private static Set<String> indexed() {
        Set<String> names = new TreeSet<>();
        for (IndexItem<Extension, Object> item :
                Index.load(Extension.class, Object.class, ExtensionIndexTest.class.getClassLoader())) {
            if (item.className().startsWith("io.jenkins.plugins.promotiongates.")) {
                names.add(item.className());
            }
        }
        return names;
    }

    @Test
    public void everyExtensionIsInTheIndexJenkinsLoads() {
        Set<String> annotated = new TreeSet<>();
        for (JavaClass type : MAIN) {
            if (type.isAnnotatedWith(Extension.class)) {
                annotated.add(type.getName());
            }
        }
        assertTrue("the plugin has extensions", annotated.size() >= 15);
        assertEquals(annotated, indexed());
    }

    @Test
    public void everyStepAndEveryBoundConfigurationElementHasAnIndexedDescriptor() {
        Set<String> indexed = indexed();
        List<String> bound = MAIN.stream()
                .filter(type -> type.getConstructors().stream()
                        .anyMatch(c -> c.isAnnotatedWith("org.kohsuke.stapler.DataBoundConstructor")))
                .map(JavaClass::getName)
                .toList();
        assertTrue("the plugin binds steps and configuration", bound.size() >= 8);
        for (String type : bound) {
            assertTrue(
                    type + " is bound from forms and Pipeline but has no indexed DescriptorImpl",
                    indexed.contains(type + "$DescriptorImpl"));
        }
    }
}
