package org.schoolcredits.fragments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the fragments call the API, run in Node (which the build's npm brings) as a browser would load them. */
class FragmentsApiTest {

    static final Path MODULE = Path.of("target", "classes", "META-INF", "resources", "credits", "credits-api.js");

    @TempDir
    Path dir;

    @Test
    @DisplayName("fragments served at /mis/credits/ call the API at /mis/api/credits, whatever the context root")
    void besideTheFragments() throws Exception {
        assertEquals(dir.toUri().getPath() + "mis/api/credits", api(dir.resolve("mis"), ""));
        assertEquals(dir.toUri().getPath() + "api/credits", api(dir, ""));
    }

    @Test
    @DisplayName("a page that names the API in <meta name=credits-api> is obeyed")
    void whereThePageSays() throws Exception {
        assertEquals("/school/api/credits", api(dir.resolve("mis"), "/school/api/credits/"));
    }

    /** The API that credits-api.js computes when served under {@code contextRoot}, with that meta content if any. */
    String api(Path contextRoot, String meta) throws Exception {
        Path module = contextRoot.resolve("credits").resolve("credits-api.js");
        Files.createDirectories(module.getParent());
        Files.copy(MODULE, module, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path runner = dir.resolve("runner.mjs");
        Files.writeString(runner, """
                globalThis.HTMLElement = class {};
                const meta = process.argv[3];
                globalThis.document = { cookie: '', querySelector: (selector) =>
                  selector === 'meta[name="credits-api"]' && meta ? { content: meta } : null };
                const { API } = await import(process.argv[2]);
                console.log(API);
                """);
        Process node = new ProcessBuilder("node", runner.toString(), module.toUri().toString(), meta)
                .redirectErrorStream(true).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        node.waitFor(30, TimeUnit.SECONDS);
        assertEquals(0, node.exitValue(), out);
        return out;
    }
}
