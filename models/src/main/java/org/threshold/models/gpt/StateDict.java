package org.threshold.models.gpt;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.threshold.api.config.ConfigException;
import org.threshold.api.config.ConfigProblem;
import org.threshold.models.safetensors.NamedTensor;
import org.threshold.models.safetensors.Safetensors;
import org.threshold.models.safetensors.SafetensorsException;

/**
 * A GPT's parameters as nanoGPT's state_dict (SPEC 5b): one tensor per {@link ParameterLayout}
 * tensor, under its name and in its shape. The layout already keeps nanoGPT's orientation (a
 * linear weight is (out, in), as PyTorch's {@code nn.Linear} stores it; {@code c_attn} holds the
 * queries', keys' and values' rows in that order), so nothing is transposed either way. A tied
 * model has no {@code lm_head.weight}: the head is {@code transformer.wte.weight}, which nanoGPT's
 * state_dict would list twice (safetensors stores a shared tensor once).
 */
final class StateDict {

    private StateDict() {
    }

    /** The tensors of {@code flat}, a parameter vector in {@code layout}'s order. */
    static List<NamedTensor> of(ParameterLayout layout, float[] flat) {
        List<NamedTensor> tensors = new ArrayList<>();
        for (ParameterTensor t : layout.tensors()) {
            tensors.add(new NamedTensor(t.name(), shape(t), Arrays.copyOfRange(flat, (int) t.offset(), (int) t.end())));
        }
        return tensors;
    }

    /**
     * The parameter vector of {@code weights}' file for {@code layout}.
     *
     * @throws ConfigException at the key, with every tensor the model lacks, the file lacks, or
     *     whose shape differs (both shapes), or why the file is not a safetensors file
     */
    static float[] load(ParameterLayout layout, StartingWeights weights) {
        Map<String, NamedTensor> given;
        try {
            given = Safetensors.byName(Safetensors.read(weights.file()));
        } catch (SafetensorsException e) {
            throw problem(weights, e.getMessage());
        } catch (IOException e) {
            throw problem(weights, "cannot read " + weights.file() + ": " + e.getMessage());
        }
        List<ConfigProblem> problems = new ArrayList<>();
        float[] flat = new float[(int) layout.count()];
        for (ParameterTensor t : layout.tensors()) {
            NamedTensor found = given.get(t.name());
            if (found == null) {
                problems.add(new ConfigProblem(weights.mark(), weights.path(), t.name() + ": expected shape " + shape(t)
                        + ", found no such tensor in " + weights.file()));
            } else if (!found.shape().equals(shape(t))) {
                problems.add(new ConfigProblem(weights.mark(), weights.path(), t.name() + ": expected shape " + shape(t)
                        + ", found " + found.shape() + " in " + weights.file()));
            } else {
                System.arraycopy(found.values(), 0, flat, (int) t.offset(), found.values().length);
            }
        }
        List<String> names = layout.tensors().stream().map(ParameterTensor::name).toList();
        for (NamedTensor t : given.values()) {
            if (!names.contains(t.name())) {
                problems.add(new ConfigProblem(weights.mark(), weights.path(), t.name() + ": found a tensor of shape "
                        + t.shape() + " in " + weights.file() + " that this model does not have (it has "
                        + String.join(", ", names) + ")"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return flat;
    }

    private static ConfigException problem(StartingWeights weights, String message) {
        return new ConfigException(new ConfigProblem(weights.mark(), weights.path(), message));
    }

    private static List<Long> shape(ParameterTensor t) {
        return Arrays.stream(t.shape().getShape()).boxed().toList();
    }
}
