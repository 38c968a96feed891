package io.jenkins.plugins.promotiongates.core.signature;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

/** The one verification request: built part by part, and kept by a step execution through Java serialization. */
public class VerificationRequestTest {

    private static VerificationRequest roundTrip(VerificationRequest request) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(request);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (VerificationRequest) in.readObject();
        }
    }

    @Test
    public void everyPartRoundTripsThroughJavaSerialization() throws Exception {
        VerificationRequest request = VerificationRequest.forArtifact("dist/app.tar.gz")
                .signature("dist/SHA256SUMS.minisig")
                .checksumList("dist/SHA256SUMS")
                .format(SignatureFormat.MINISIGN)
                .trustedKeys(List.of("release-team", "backup"))
                .keyCredentialsId("job-key")
                .environment("production")
                .namespace("file")
                .identity("release@example.com")
                .build();
        assertEquals(request, roundTrip(request));
        assertEquals(Optional.of(SignatureFormat.MINISIGN), roundTrip(request).format());
        assertEquals("dist/SHA256SUMS", request.signedFile());
    }

    @Test
    public void absentPartsStayAbsentAfterSerialization() throws Exception {
        VerificationRequest request =
                VerificationRequest.forArtifact("dist/app.tar.gz").build();
        VerificationRequest read = roundTrip(request);
        assertEquals(request, read);
        assertEquals(Optional.empty(), read.signature());
        assertEquals(Optional.empty(), read.format());
        assertEquals(List.of(), read.trustedKeys());
        assertEquals("dist/app.tar.gz", read.signedFile());
    }

    @Test
    public void blankTextMeansNotGivenAndAnArtifactIsRequired() {
        VerificationRequest request = VerificationRequest.forArtifact("app.bin")
                .signature("")
                .checksumList("  ")
                .environment(null)
                .build();
        assertEquals(Optional.empty(), request.signature());
        assertEquals(Optional.empty(), request.checksumList());
        assertEquals(Optional.empty(), request.environment());
        assertThrows(
                IllegalArgumentException.class,
                () -> VerificationRequest.forArtifact(" ").build());
    }
}
