package dev.cfnsecrets.report;

import dev.cfnsecrets.scan.ScanResult;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes a scan result in one output format. Reporters never decide; they only present findings.
 */
public interface Reporter {
    void write(ScanResult result, Writer out) throws IOException;
}
