package vn.gov.moha.portal.workflow.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Recognises the evidence types we accept from the file's first bytes, never from its name:
 * PDF, PNG, JPEG, and DOCX/XLSX (ZIP packages holding a Word document or an Excel workbook).
 */
final class FileTypes {

    private FileTypes() {
    }

    static Optional<String> detect(byte[] content) {
        if (startsWith(content, "%PDF-".getBytes())) {
            return Optional.of("application/pdf");
        }
        if (startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return Optional.of("image/png");
        }
        if (startsWith(content, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(content, new byte[] {'P', 'K', 3, 4})) {
            return officeType(content);
        }
        return Optional.empty();
    }

    private static Optional<String> officeType(byte[] content) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            boolean contentTypes = false;
            String type = null;
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName();
                contentTypes |= name.equals("[Content_Types].xml");
                if (name.equals("word/document.xml")) {
                    type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
                } else if (name.equals("xl/workbook.xml")) {
                    type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                }
            }
            return contentTypes ? Optional.ofNullable(type) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
