package org.threshold.api.config;

/**
 * One thing wrong with a config: where it is, which YAML path, and what was expected versus what
 * was found. Printed as {@code file:line:column: path: message}, one line per problem.
 *
 * @param mark where the offending key or value starts
 * @param path dotted YAML path, e.g. {@code model.layers} or {@code curriculum.stages[1].until}
 * @param message what was expected and what was found, e.g.
 *     {@code expected an integer from 1 to 64, found 'two'}
 */
public record ConfigProblem(Mark mark, String path, String message) {

    @Override
    public String toString() {
        return mark + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
