package dev.kpisql.trino;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.classfile.Annotation;
import java.lang.classfile.AnnotationElement;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.FieldRefEntry;
import java.lang.classfile.constantpool.MemberRefEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.reflect.AccessFlag;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Trino SPI class, field, method and annotation element that the adapter's class files
 * refer to exists in the {@code trino-spi} jar of every Trino release of the line's span that
 * Maven Central serves ({@code kpi.trino.span.spi}, copied into {@code kpi.trino.spi.directory}
 * by the build), and every abstract SPI method that an adapter class inherits is implemented.
 * The adapter refers to no other Trino or Airlift class than the SPI's and slice's, which are
 * all the server shares with a plugin.
 * This is the check Trino itself does not do: a reference that a release removed fails only
 * when a query reaches it ({@code NoSuchMethodError}, {@code AbstractMethodError}). The in-process
 * tests on 468, 476 and 483 run the code; this reads every reference, run or not.
 */
final class TestSpiLinkage
{
    private static final String SPI = "io/trino/spi/";

    @TestFactory
    Stream<DynamicTest> everySpiReferenceResolvesInEveryReleaseOfTheSpan()
    {
        List<ClassModel> adapter = adapterClasses();
        List<String> releases = List.of(System.getProperty("kpi.trino.span.spi").split(","));
        return releases.stream().map(release -> DynamicTest.dynamicTest("trino-spi " + release, () -> {
            Path jar = Path.of(System.getProperty("kpi.trino.spi.directory"), "trino-spi-" + release.trim() + ".jar");
            assertThat(jar).as("the build copies the SPI jar of Trino %s", release).exists();
            try (SpiJar spi = new SpiJar(jar)) {
                assertThat(unresolved(adapter, spi)).as("references the adapter makes that trino-spi %s does not have", release).isEmpty();
            }
        }));
    }

    @Test
    void adapterRefersToTheSpi()
    {
        // guards the test itself: the adapter's classes were found and do use the SPI
        Set<String> owners = new TreeSet<>();
        for (ClassModel model : adapterClasses()) {
            for (PoolEntry entry : model.constantPool()) {
                if (entry instanceof MemberRefEntry member && member.owner().asInternalName().startsWith(SPI)) {
                    owners.add(member.owner().asInternalName());
                }
            }
        }
        assertThat(owners).contains("io/trino/spi/type/DoubleType", "io/trino/spi/block/BlockBuilder", "io/trino/spi/TrinoException");
    }

    private static Set<String> unresolved(List<ClassModel> adapter, SpiJar spi)
    {
        Set<String> missing = new TreeSet<>();
        for (ClassModel model : adapter) {
            String self = model.thisClass().asInternalName();
            for (PoolEntry entry : model.constantPool()) {
                if (entry instanceof MemberRefEntry member) {
                    String owner = member.owner().asInternalName();
                    if (owner.startsWith(SPI) && !spi.hasMember(owner, member.name().stringValue(), member.type().stringValue(), member instanceof FieldRefEntry)) {
                        missing.add(self + " -> " + owner + "." + member.name().stringValue() + member.type().stringValue());
                    }
                }
                else if (entry instanceof ClassEntry type) {
                    String name = elementType(type.asInternalName());
                    if (name.startsWith(SPI) && !spi.hasClass(name)) {
                        missing.add(self + " -> class " + name);
                    }
                    if (!visibleToPlugins(name)) {
                        missing.add(self + " -> class " + name + ", which the server does not share with plugins");
                    }
                }
            }
            for (Annotation annotation : annotations(model)) {
                String name = annotation.className().stringValue();
                String type = name.substring(1, name.length() - 1);
                if (!type.startsWith(SPI)) {
                    continue;
                }
                if (!spi.hasClass(type)) {
                    missing.add(self + " -> annotation " + type);
                    continue;
                }
                for (AnnotationElement element : annotation.elements()) {
                    if (!spi.hasMethodNamed(type, element.name().stringValue())) {
                        missing.add(self + " -> annotation element " + type + "." + element.name().stringValue());
                    }
                }
            }
            for (String method : spi.abstractMethodsOf(model, adapter)) {
                missing.add(self + " does not implement " + method);
            }
        }
        return missing;
    }

    /**
     * A Trino or Airlift class a plugin may use without bundling it: the server's plugin class
     * loader shares the SPI and its libraries (slice among them), not trino-main's classes such as
     * {@code io.trino.type.IntervalDayTimeType}, which a plugin finds in tests but not in a server.
     */
    private static boolean visibleToPlugins(String name)
    {
        if (name.startsWith("io/trino/")) {
            return name.startsWith(SPI);
        }
        if (name.startsWith("io/airlift/")) {
            return name.startsWith("io/airlift/slice/");
        }
        return true;
    }

    private static String elementType(String name)
    {
        String type = name;
        while (type.startsWith("[")) {
            type = type.substring(1);
        }
        return type.startsWith("L") && type.endsWith(";") ? type.substring(1, type.length() - 1) : type;
    }

    /** The annotations on the class, its methods and its methods' parameters. */
    private static List<Annotation> annotations(ClassModel model)
    {
        List<Annotation> annotations = new ArrayList<>();
        model.findAttribute(Attributes.runtimeVisibleAnnotations()).ifPresent(attribute -> annotations.addAll(attribute.annotations()));
        for (MethodModel method : model.methods()) {
            method.findAttribute(Attributes.runtimeVisibleAnnotations()).ifPresent(attribute -> annotations.addAll(attribute.annotations()));
            method.findAttribute(Attributes.runtimeVisibleParameterAnnotations()).ifPresent(attribute -> attribute.parameterAnnotations().forEach(annotations::addAll));
        }
        return annotations;
    }

    /** The class files of the adapter: the build's classes, or the jar the tests run against. */
    private static List<ClassModel> adapterClasses()
    {
        try {
            Path location = Path.of(KpiPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<ClassModel> models = new ArrayList<>();
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                        models.add(ClassFile.of().parse(Files.readAllBytes(file)));
                    }
                }
            }
            else {
                try (ZipFile zip = new ZipFile(location.toFile())) {
                    for (ZipEntry entry : zip.stream().filter(entry -> entry.getName().endsWith(".class")).toList()) {
                        try (InputStream in = zip.getInputStream(entry)) {
                            models.add(ClassFile.of().parse(in.readAllBytes()));
                        }
                    }
                }
            }
            assertThat(models).as("adapter classes at %s", location).isNotEmpty();
            return models;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The classes of one trino-spi jar, read on demand; supertypes outside it come from the running JDK. */
    private static final class SpiJar
            implements AutoCloseable
    {
        private final ZipFile zip;
        private final Map<String, Optional<ClassModel>> classes = new HashMap<>();

        SpiJar(Path jar)
                throws IOException
        {
            this.zip = new ZipFile(jar.toFile());
        }

        boolean hasClass(String name)
        {
            return model(name).isPresent();
        }

        Optional<ClassModel> model(String name)
        {
            return classes.computeIfAbsent(name, key -> {
                ZipEntry entry = zip.getEntry(key + ".class");
                if (entry == null) {
                    return Optional.empty();
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    return Optional.of(ClassFile.of().parse(in.readAllBytes()));
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        /** A field or method of the class or of a supertype, as the JVM resolves a reference. */
        boolean hasMember(String owner, String name, String descriptor, boolean field)
        {
            Set<String> seen = new LinkedHashSet<>();
            List<String> pending = new ArrayList<>(List.of(owner));
            while (!pending.isEmpty()) {
                String type = pending.remove(0);
                if (!seen.add(type)) {
                    continue;
                }
                if (!type.startsWith(SPI)) {
                    if (declaredByJdk(type, name, descriptor, field)) {
                        return true;
                    }
                    continue;
                }
                Optional<ClassModel> model = model(type);
                if (model.isEmpty()) {
                    return false;
                }
                ClassModel found = model.get();
                boolean declared = field
                        ? found.fields().stream().anyMatch(f -> f.fieldName().equalsString(name) && f.fieldType().equalsString(descriptor))
                        : found.methods().stream().anyMatch(m -> m.methodName().equalsString(name) && m.methodType().equalsString(descriptor));
                if (declared) {
                    return true;
                }
                found.superclass().ifPresent(superclass -> pending.add(superclass.asInternalName()));
                found.interfaces().forEach(supertype -> pending.add(supertype.asInternalName()));
            }
            return false;
        }

        boolean hasMethodNamed(String type, String name)
        {
            return model(type).map(found -> found.methods().stream().anyMatch(method -> method.methodName().equalsString(name))).orElse(false);
        }

        /**
         * The abstract methods of the SPI supertypes of an adapter class that neither the class,
         * nor its adapter superclasses, nor a default method of the SPI implements.
         */
        List<String> abstractMethodsOf(ClassModel model, List<ClassModel> adapter)
        {
            if (model.flags().has(AccessFlag.ABSTRACT) || model.flags().has(AccessFlag.INTERFACE)) {
                return List.of();
            }
            Map<String, ClassModel> ours = new HashMap<>();
            adapter.forEach(type -> ours.put(type.thisClass().asInternalName(), type));
            Set<String> implemented = new TreeSet<>();
            Set<String> required = new TreeSet<>();
            List<ClassModel> pending = new ArrayList<>(List.of(model));
            Set<String> seen = new LinkedHashSet<>();
            while (!pending.isEmpty()) {
                ClassModel type = pending.remove(0);
                if (!seen.add(type.thisClass().asInternalName())) {
                    continue;
                }
                boolean spi = type.thisClass().asInternalName().startsWith(SPI);
                for (MethodModel method : type.methods()) {
                    String signature = method.methodName().stringValue() + method.methodType().stringValue();
                    if (method.flags().has(AccessFlag.STATIC)) {
                        continue;
                    }
                    if (method.flags().has(AccessFlag.ABSTRACT)) {
                        if (spi) {
                            required.add(signature);
                        }
                    }
                    else {
                        implemented.add(signature);
                    }
                }
                List<String> supertypes = new ArrayList<>();
                type.superclass().ifPresent(superclass -> supertypes.add(superclass.asInternalName()));
                type.interfaces().forEach(entry -> supertypes.add(entry.asInternalName()));
                for (String supertype : supertypes) {
                    if (ours.containsKey(supertype)) {
                        pending.add(ours.get(supertype));
                    }
                    else if (supertype.startsWith(SPI)) {
                        model(supertype).ifPresent(pending::add);
                    }
                }
            }
            required.removeAll(implemented);
            required.removeIf(signature -> implementedByObject(signature));
            return required.stream().map(signature -> model.thisClass().asInternalName() + "." + signature).toList();
        }

        private static boolean implementedByObject(String signature)
        {
            return Stream.of(Object.class.getMethods()).anyMatch(method -> signature.startsWith(method.getName() + "("));
        }

        /** A member of a JDK class (java.lang.Object, java.lang.Enum, …) that an SPI type inherits. */
        private static boolean declaredByJdk(String type, String name, String descriptor, boolean field)
        {
            try (InputStream in = ClassLoader.getSystemResourceAsStream(type + ".class")) {
                if (in == null) {
                    return false;
                }
                ClassModel model = ClassFile.of().parse(in.readAllBytes());
                return field
                        ? model.fields().stream().anyMatch(f -> f.fieldName().equalsString(name) && f.fieldType().equalsString(descriptor))
                        : model.methods().stream().anyMatch(m -> m.methodName().equalsString(name) && m.methodType().equalsString(descriptor));
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close()
                throws IOException
        {
            zip.close();
        }
    }
}
