package io.jenkins.plugins.promotiongates.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The user documentation: README.md, docs/*.md and docs/examples/, and the fenced blocks in it. */
final class Sources {

    private Sources() {}

    static Path root() {
        return Path.of(System.getProperty("promotiongates.sources.root", "."));
    }

    static String read(String relative) {
        try {
            return Files.readString(root().resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** README.md and every page under docs/, relative to the root. */
    static List<String> pages() throws IOException {
        List<String> pages = new ArrayList<>(List.of("README.md"));
        try (Stream<Path> files = Files.list(root().resolve("docs"))) {
            files.filter(file -> file.toString().endsWith(".md"))
                    .sorted()
                    .forEach(file -> pages.add("docs/" + file.getFileName()));
        }
        return pages;
    }

    /** A fenced block: where it is and what it holds. */
    record Block(String page, int line, String text) {
        @Override
        public String toString() {
            return page + ":" + line;
        }
    }

    /** Every {@code ```language} block in README.md and docs/*.md. */
    static List<Block> blocks(String language) throws IOException {
        Pattern fence = Pattern.compile("(?m)^```" + language + "\\s*\\n(.*?)^```", Pattern.DOTALL);
        List<Block> blocks = new ArrayList<>();
        for (String page : pages()) {
            String text = read(page);
            Matcher matcher = fence.matcher(text);
            while (matcher.find()) {
                int line = (int) text.substring(0, matcher.start())
                                .chars()
                                .filter(c -> c == '\n')
                                .count()
                        + 2;
                blocks.add(new Block(page, line, matcher.group(1)));
            }
        }
        return blocks;
    }
}
