package dev.usersession.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The application a reader builds from the documentation alone: the fenced code blocks of one section of a Markdown
 * page, and the Java ones compiled as the reader would compile them (against the Jakarta EE API and the library).
 */
final class DocumentedApplication {

    /** One fenced code block: its language (empty when the fence names none) and its text. */
    record Block(String language, String text) {}

    private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern PUBLIC_TYPE =
            Pattern.compile("^public (?:final )?(?:class|interface|record|enum) " + "(\\w+)", Pattern.MULTILINE);

    private DocumentedApplication() {}

    /** @return a page of the project's documentation, by its path from the project's root */
    static Path page(String path) {
        return Path.of(System.getProperty("basedir", ".")).resolve(path);
    }

    /** @return the text of the section under {@code heading} (a {@code ## } line), up to the next such heading */
    static String section(Path page, String heading) {
        String text = read(page);
        int start = text.indexOf("\n## " + heading + "\n");
        if (start < 0) {
            throw new AssertionError(page + " has no section '## " + heading + "'");
        }
        int end = text.indexOf("\n## ", start + 1);
        return end < 0 ? text.substring(start) : text.substring(start, end);
    }

    /** @return the fenced code blocks of a section, in their order */
    static List<Block> blocks(String section) {
        List<Block> blocks = new ArrayList<>();
        String language = null;
        StringBuilder text = new StringBuilder();
        for (String line : section.split("\n", -1)) {
            Matcher fence = FENCE.matcher(line);
            if (language == null && fence.matches()) {
                language = fence.group(1);
                text.setLength(0);
            } else if (language != null && line.equals("```")) {
                blocks.add(new Block(language, text.toString()));
                language = null;
            } else if (language != null) {
                text.append(line).append('\n');
            }
        }
        return blocks;
    }

    /** @return the one block of a language whose text contains {@code marker} */
    static Block only(List<Block> blocks, String language, String marker) {
        List<Block> found = blocks.stream()
                .filter(block ->
                        block.language().equals(language) && block.text().contains(marker))
                .toList();
        if (found.size() != 1) {
            throw new AssertionError(
                    "expected one ```" + language + " block with " + marker + ", found " + found.size());
        }
        return found.get(0);
    }

    /**
     * Compiles Java sources (each a whole file, with its package) against the test's class path, which holds the
     * Jakarta EE API and the library, as a reader's build would.
     *
     * @return each class file's bytes by its path in {@code WEB-INF/classes} ({@code shop/Cart.class})
     */
    static Map<String, byte[]> compile(List<String> sources) {
        try {
            Path work = Files.createTempDirectory("documented-application");
            Path sourceRoot = work.resolve("src");
            Path classes = Files.createDirectories(work.resolve("classes"));
            List<String> arguments = new ArrayList<>(List.of(
                    "-proc:none", "-d", classes.toString(), "-classpath", System.getProperty("java.class.path")));
            for (String source : sources) {
                arguments.add(write(sourceRoot, source).toString());
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream messages = new ByteArrayOutputStream();
            if (javac.run(null, messages, messages, arguments.toArray(String[]::new)) != 0) {
                throw new AssertionError(
                        "The documented Java does not compile:\n" + messages.toString(StandardCharsets.UTF_8));
            }
            Map<String, byte[]> compiled = new TreeMap<>();
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    compiled.put(classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                }
            }
            return compiled;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path sourceRoot, String source) throws IOException {
        Matcher type = PUBLIC_TYPE.matcher(source);
        if (!type.find()) {
            throw new AssertionError("A documented Java block declares no public type:\n" + source);
        }
        Matcher pack = PACKAGE.matcher(source);
        Path directory = pack.find() ? sourceRoot.resolve(pack.group(1).replace('.', '/')) : sourceRoot;
        Path file = Files.createDirectories(directory).resolve(type.group(1) + ".java");
        Files.writeString(file, source, StandardCharsets.UTF_8);
        return file;
    }

    private static String read(Path page) {
        try {
            return Files.readString(page, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
