package org.threshold.trainer.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.threshold.trainer.fixtures.BigramModel;

class ParameterFileTest {

    private static byte[] saved(BigramModel model) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            ParameterFile.save(model.block(), out);
        }
        return bytes.toByteArray();
    }

    @Test
    void loadedParametersEqualTheSavedOnesAndKeepTheirGradients() throws IOException {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            BigramModel source = new BigramModel(12, 4);
            source.initialize(manager, 1);
            BigramModel target = new BigramModel(12, 4);
            target.initialize(manager, 2);
            var targetArray = target.block().getParameters().get(0).getValue().getArray();
            ParameterFile.load(target.block(), new DataInputStream(new ByteArrayInputStream(saved(source))));
            for (int i = 0; i < 2; i++) {
                var loaded = target.block().getParameters().get(i).getValue().getArray();
                assertThat(loaded.toFloatArray()).containsExactly(source.block().getParameters().get(i).getValue().getArray().toFloatArray());
                assertThat(loaded.hasGradient()).isTrue();
            }
            assertThat(target.block().getParameters().get(0).getValue().getArray()).isSameAs(targetArray);
        }
    }

    @Test
    void parametersOfAnotherShapeAreRefusedNamingTheFirstThatDiffers() throws IOException {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            BigramModel small = new BigramModel(12, 4);
            small.initialize(manager, 1);
            BigramModel wide = new BigramModel(12, 8);
            wide.initialize(manager, 1);
            byte[] file = saved(small);
            assertThatThrownBy(() -> ParameterFile.load(wide.block(), new DataInputStream(new ByteArrayInputStream(file))))
                    .hasMessageContaining("embedding (12, 4)").hasMessageContaining("(12, 8)");
        }
    }

    @Test
    void aFileOfAnotherKindIsRefused() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            BigramModel model = new BigramModel(12, 4);
            model.initialize(manager, 1);
            byte[] junk = "not parameters at all".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertThatThrownBy(() -> ParameterFile.load(model.block(), new DataInputStream(new ByteArrayInputStream(junk))))
                    .hasMessageContaining("not a Threshold parameter file");
        }
    }
}
