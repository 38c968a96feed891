package io.jenkins.plugins.promotiongates.cli;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.artifact.Digests;
import io.jenkins.plugins.promotiongates.core.artifact.StreamingDigester;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code digest [--algorithm sha256|sha384|sha512] FILE...}: prints digests in the format of
 * {@code sha256sum}, computed by the same streaming digester that the steps use. {@code -} is standard
 * input; directories, FIFOs and devices are refused unread.
 */
final class DigestCommand implements CliCommand {

    @Override
    public String name() {
        return "digest";
    }

    @Override
    public String summary() {
        return "print file digests as sha256sum/sha512sum do";
    }

    @Override
    public String usage() {
        return "usage: digest [--algorithm sha256|sha384|sha512] FILE...\n"
                + "  FILE: a regular file, or - for standard input\n"
                + "  exit status: 0 every file digested, 2 bad usage or a file that could not be read";
    }

    @Override
    public int run(List<String> arguments, InputStream in, PrintStream out, PrintStream err) {
        DigestAlgorithm algorithm = DigestAlgorithm.SHA256;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--algorithm") || argument.equals("-a")) {
                if (i + 1 == arguments.size()) {
                    err.println("digest: --algorithm needs a value\n" + usage());
                    return USAGE;
                }
                try {
                    algorithm = DigestAlgorithm.parse(arguments.get(++i));
                } catch (IllegalArgumentException e) {
                    err.println("digest: " + e.getMessage());
                    return USAGE;
                }
            } else if (argument.startsWith("-") && !argument.equals("-")) {
                err.println("digest: unknown option '" + argument + "'\n" + usage());
                return USAGE;
            } else {
                files.add(argument);
            }
        }
        if (files.isEmpty()) {
            err.println("digest: no file given\n" + usage());
            return USAGE;
        }
        StreamingDigester digester = new StreamingDigester();
        int status = OK;
        for (String file : files) {
            try {
                Digests digests = file.equals(InputFiles.STANDARD_INPUT)
                        ? digester.digest(in, Set.of(algorithm))
                        : digester.digest(ArtifactContent.of(InputFiles.regularFile(file, "file")), Set.of(algorithm));
                out.println(digests.hex(algorithm) + "  " + file);
            } catch (IOException e) {
                err.println("digest: " + e.getMessage());
                status = USAGE;
            }
        }
        return status;
    }
}
