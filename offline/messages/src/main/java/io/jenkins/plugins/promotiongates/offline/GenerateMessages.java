package io.jenkins.plugins.promotiongates.offline;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code GenerateMessages RESOURCES_ROOT OUTPUT_DIR}: for every {@code Messages.properties} under
 * the resources root, writes a {@code Messages} class in the matching package with one static
 * method per key (dots become underscores) returning the formatted text, and one {@code _Key}
 * method returning a {@code Localizable}: the API the plugin build's localizer generates.
 */
public final class GenerateMessages {

    private GenerateMessages() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: GenerateMessages RESOURCES_ROOT OUTPUT_DIR");
        }
        Path root = Path.of(args[0]);
        Path output = Path.of(args[1]);
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Path> bundles;
        try (Stream<Path> walk = Files.walk(root)) {
            bundles = walk.filter(p -> p.getFileName().toString().equals("Messages.properties"))
                    .collect(Collectors.toList());
        }
        for (Path bundle : bundles) {
            Path relativeDir = root.relativize(bundle.getParent());
            String pkg = relativeDir.toString().replace(bundle.getFileSystem().getSeparator(), ".");
            Path target = output.resolve(relativeDir).resolve("Messages.java");
            Files.createDirectories(target.getParent());
            Files.writeString(target, source(pkg, load(bundle)), StandardCharsets.UTF_8);
        }
    }

    private static Properties load(Path bundle) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.ISO_8859_1)) {
            properties.load(reader);
        }
        return properties;
    }

    static String source(String pkg, Properties properties) {
        StringBuilder java = new StringBuilder();
        java.append("package ").append(pkg).append(";\n\n");
        java.append("import org.jvnet.localizer.Localizable;\n");
        java.append("import org.jvnet.localizer.ResourceBundleHolder;\n\n");
        java.append("@SuppressWarnings({\"all\"})\n");
        java.append("public class Messages {\n");
        java.append(
                "    private static final ResourceBundleHolder holder = ResourceBundleHolder.get(Messages.class);\n");
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            int arity = new MessageFormat(properties.getProperty(key)).getFormatsByArgumentIndex().length;
            String method = key.replaceAll("[^A-Za-z0-9_]", "_");
            StringBuilder parameters = new StringBuilder();
            StringBuilder arguments = new StringBuilder();
            for (int i = 0; i < arity; i++) {
                parameters.append(i == 0 ? "" : ", ").append("Object arg").append(i);
                arguments.append(", arg").append(i);
            }
            String quotedKey = "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            java.append("\n    public static String ")
                    .append(method)
                    .append('(')
                    .append(parameters)
                    .append(") {\n");
            java.append("        return holder.format(")
                    .append(quotedKey)
                    .append(arguments)
                    .append(");\n    }\n");
            java.append("\n    public static Localizable _")
                    .append(method)
                    .append('(')
                    .append(parameters)
                    .append(") {\n");
            java.append("        return new Localizable(holder, ")
                    .append(quotedKey)
                    .append(arguments)
                    .append(");\n    }\n");
        }
        java.append("}\n");
        return java.toString();
    }
}
