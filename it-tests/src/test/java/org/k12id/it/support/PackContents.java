package org.k12id.it.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** What the pack's JAR holds: its entries, its provider factories (with SPI and id) and its services declarations. */
public final class PackContents {

    private static final String SERVICES = "META-INF/services/";

    /** One declared factory: the SPI's name as server info reports it, the factory's id, and its class. */
    public record Factory(String spi, String id, String className) {
    }

    private PackContents() {
    }

    /** The pack JAR that the build produced (the same artifact the test framework copies into providers/). */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("k12.pack.jar", "../pack/target/missing.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("the pack JAR is missing: " + jar.toAbsolutePath() + " (build with mvn verify)");
        }
        return jar;
    }

    public static List<String> entries() throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar().toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                names.add(e.nextElement().getName());
            }
        }
        return names;
    }

    /**
     * Every concrete provider factory class in the JAR, found by scanning its classes (not its services files, so a
     * factory whose services entry was forgotten is still found), with the SPI it belongs to and its id.
     */
    public static List<Factory> factories() throws IOException, ReflectiveOperationException {
        List<Spi> spis = ServiceLoader.load(Spi.class).stream().map(ServiceLoader.Provider::get).toList();
        List<Factory> factories = new ArrayList<>();
        for (String entry : entries()) {
            if (!entry.startsWith("org/k12id/") || !entry.endsWith(".class") || entry.contains("$")) {
                continue;
            }
            Class<?> type = Class.forName(entry.replace('/', '.').replace(".class", ""), false,
                    PackContents.class.getClassLoader());
            if (!ProviderFactory.class.isAssignableFrom(type) || type.isInterface()
                    || Modifier.isAbstract(type.getModifiers())) {
                continue;
            }
            Spi spi = spis.stream()
                    .filter(s -> s.getProviderFactoryClass().isAssignableFrom(type))
                    .reduce((a, b) -> a.getProviderFactoryClass().isAssignableFrom(b.getProviderFactoryClass()) ? b : a)
                    .orElseThrow(() -> new AssertionError(type.getName() + " belongs to no SPI the server knows"));
            Object factory = type.getDeclaredConstructor().newInstance();
            factories.add(new Factory(spi.getName(), ((ProviderFactory<?>) factory).getId(), type.getName()));
        }
        return factories;
    }

    /** The classes named in the JAR's services files for provider factories. */
    public static List<String> declaredFactories() throws IOException {
        List<String> declared = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar().toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (entry.getName().startsWith(SERVICES) && !entry.isDirectory()
                        && isProviderFactory(entry.getName().substring(SERVICES.length()))) {
                    declared.addAll(lines(zip, entry));
                }
            }
        }
        return declared;
    }

    private static boolean isProviderFactory(String className) {
        try {
            return ProviderFactory.class.isAssignableFrom(Class.forName(className));
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static List<String> lines(ZipFile zip, ZipEntry entry) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8))) {
            return reader.lines().map(l -> l.replaceAll("#.*", "").trim()).filter(l -> !l.isEmpty()).toList();
        }
    }
}
