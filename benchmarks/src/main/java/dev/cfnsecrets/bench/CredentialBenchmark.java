package dev.cfnsecrets.bench;

import dev.cfnsecrets.secrets.CredentialDetector;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The credential patterns over the values a template's environment typically holds: mostly
 * non-secrets (names, ARNs, URLs, paths, numbers), which is the case to keep cheap.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CredentialBenchmark extends StandardRun {
    static final List<String> VALUES =
            List.of(
                    "orders-table-prod",
                    "arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/db-AbCdEf",
                    "https://api.example.com/v1/orders?limit=100",
                    "/app/prod/db/password",
                    "info",
                    "8080",
                    "true",
                    "postgresql://app:" + "Sup3rS3cr3tPassw0rd" + "@db.internal:5432/orders",
                    SyntheticTemplate.PLANTED_TOKEN,
                    "{{resolve:secretsmanager:app/db:SecretString:password}}",
                    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt");

    /** All twelve values once: the time per operation is for the whole list. */
    @Benchmark
    public void findInTypicalValues(Blackhole sink) {
        for (String value : VALUES) {
            sink.consume(CredentialDetector.find(value));
        }
    }
}
