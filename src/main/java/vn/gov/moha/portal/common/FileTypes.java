package vn.gov.moha.portal.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;

/**
 * The file types the portal accepts: PDF, PNG, JPEG, and DOCX/XLSX (ZIP packages holding a Word document or
 * an Excel workbook) as evidence; PDF only for an official document's signed file. A file is accepted when its name ends in one of their extensions and its first
 * bytes (and for DOCX/XLSX its package) show that very type: a page renamed to .pdf, or a PDF named
 * .exe, is refused.
 */
public final class FileTypes {

    public static final String PDF = "application/pdf";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The accepted extensions (what the upload offers to choose) and the type each promises. */
    public static final Map<String, String> BY_EXTENSION =
            Map.of("pdf", PDF, "docx", DOCX, "xlsx", XLSX, "png", PNG, "jpg", JPEG, "jpeg", JPEG);

    /** The evidence types (every type above). */
    public static final Set<String> EVIDENCE = Set.copyOf(BY_EXTENSION.values());

    /** An official document's file: PDF only. */
    public static final Set<String> PDF_ONLY = Set.of(PDF);

    private FileTypes() {}

    /** The type the file's name promises, if its extension is one we accept. */
    public static Optional<String> byName(@Nullable String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        return dot < 0
                ? Optional.empty()
                : Optional.ofNullable(
                        BY_EXTENSION.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    /** How the type is named to a person: "PDF", "DOCX", "XLSX", "PNG", "JPG". */
    public static String label(String type) {
        return switch (type) {
            case PDF -> "PDF";
            case DOCX -> "DOCX";
            case XLSX -> "XLSX";
            case PNG -> "PNG";
            default -> "JPG";
        };
    }

    /** The type the file's content shows, read from its first bytes (and a ZIP's list of entries). */
    public static Optional<String> detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        }
        if (startsWith(head, "%PDF-".getBytes())) {
            return Optional.of(PDF);
        }
        if (startsWith(head, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return Optional.of(PNG);
        }
        if (startsWith(head, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, new byte[] {'P', 'K', 3, 4})) {
            return officeType(file);
        }
        return Optional.empty();
    }

    /** DOCX or XLSX: a package with [Content_Types].xml and the main part of one of them. */
    private static Optional<String> officeType(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            boolean contentTypes = false;
            String type = null;
            for (ZipEntry e : Collections.list(zip.entries())) {
                String name = e.getName();
                contentTypes |= name.equals("[Content_Types].xml");
                if (name.equals("word/document.xml")) {
                    type = DOCX;
                } else if (name.equals("xl/workbook.xml")) {
                    type = XLSX;
                }
            }
            return contentTypes ? Optional.ofNullable(type) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
