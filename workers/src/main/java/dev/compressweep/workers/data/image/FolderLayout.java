package dev.compressweep.workers.data.image;

import dev.compressweep.workers.data.DatasetException;
import dev.compressweep.workers.data.LabelIndex;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The image files of an image folder, found without opening them: {@code <root>/<class>/<image>}, or already split
 * as {@code <root>/train/<class>/<image>} and {@code <root>/test/<class>/<image>} (images may lie deeper inside a
 * class folder). Images are the files named {@code *.png}, {@code *.jpg}, {@code *.jpeg} or {@code *.bmp} (any
 * case); hidden and other files are ignored. The classes are the training part's class folders in
 * {@link LabelIndex} order; files are listed training part first, class by class, each class's files sorted by
 * path. Immutable; thread-safe.
 */
final class FolderLayout {

    /** One image file. */
    record ImageFile(String path, int label, long size, long modified) {}

    private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp");

    private final Path root;
    private final LabelIndex classes;
    private final List<ImageFile> files;
    private final int trainCount;
    private final boolean presplit;
    private final List<String> problems;

    private FolderLayout(Path root, LabelIndex classes, List<ImageFile> files, int trainCount, boolean presplit,
            List<String> problems) {
        this.root = root;
        this.classes = classes;
        this.files = List.copyOf(files);
        this.trainCount = trainCount;
        this.presplit = presplit;
        this.problems = List.copyOf(problems);
    }

    /**
     * Lists the images under {@code root}; what is wrong with the layout (a missing path, no class folder, a class
     * folder without images, a test class that training lacks) goes to {@link #problems()}.
     *
     * @throws DatasetException when a folder cannot be listed
     */
    static FolderLayout scan(Path root) {
        if (!Files.isDirectory(root)) {
            String state = Files.exists(root) ? " is a file, not a folder of class folders" : " does not exist";
            return new FolderLayout(root, LabelIndex.of(List.of()), List.of(), 0, false,
                    List.of("dataset.path " + root + state));
        }
        boolean presplit = Files.isDirectory(root.resolve("train")) && Files.isDirectory(root.resolve("test"));
        Path trainRoot = presplit ? root.resolve("train") : root;
        List<Path> trainFolders = subfolders(trainRoot);
        LabelIndex classes = LabelIndex.of(trainFolders.stream().map(f -> f.getFileName().toString()).toList());
        List<String> problems = new ArrayList<>();
        List<ImageFile> files = new ArrayList<>();
        for (String name : classes.names()) {
            addClass(root, trainRoot.resolve(name), classes.indexOf(name), files, problems);
        }
        int trainCount = files.size();
        List<Path> testFolders = presplit ? subfolders(root.resolve("test")) : List.of();
        for (Path folder : testFolders) {
            int label = classes.indexOf(folder.getFileName().toString());
            if (label < 0) {
                problems.add("test class folder " + folder + " has no training counterpart: the training classes are "
                        + classes.names());
            } else {
                addClass(root, folder, label, files, problems);
            }
        }
        if (trainFolders.isEmpty()) {
            problems.add(0, trainRoot + " has no class folders: expected <class>/<image> files in it, or train/<class>/"
                    + "<image> and test/<class>/<image>");
        }
        if (presplit && testFolders.isEmpty()) {
            problems.add(root.resolve("test") + " has no class folders: expected test/<class>/<image> files");
        }
        return new FolderLayout(root, classes, files, trainCount, presplit, problems);
    }

    Path root() {
        return root;
    }

    LabelIndex classes() {
        return classes;
    }

    /** Every image, training part first. */
    List<ImageFile> files() {
        return files;
    }

    /** How many of {@link #files()} are the training part; the rest are the test part (none unless presplit). */
    int trainCount() {
        return trainCount;
    }

    /** Whether the folder gives its own test part ({@code train/} and {@code test/}). */
    boolean presplit() {
        return presplit;
    }

    /** What is wrong with the layout, one line each; empty when nothing is. */
    List<String> problems() {
        return problems;
    }

    /** The training part's folder of class {@code label}. */
    Path trainingFolder(int label) {
        String name = classes.names().get(label);
        return presplit ? root.resolve("train").resolve(name) : root.resolve(name);
    }

    private static void addClass(Path root, Path folder, int label, List<ImageFile> files, List<String> problems) {
        List<ImageFile> found = new ArrayList<>();
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile() && isImage(file)) {
                        found.add(new ImageFile(root.relativize(file).toString().replace('\\', '/'), label,
                                attributes.size(), attributes.lastModifiedTime().toMillis()));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new DatasetException("cannot list the class folder " + folder + ": " + e.getMessage(), e);
        }
        if (found.isEmpty()) {
            problems.add("class folder " + folder + " has no PNG, JPEG or BMP image");
        }
        found.sort(Comparator.comparing(ImageFile::path));
        files.addAll(found);
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return !name.startsWith(".") && dot > 0
                && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static List<Path> subfolders(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new DatasetException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }
}
