package org.baeum.survey;

import java.util.List;
import java.util.Optional;

/** The questions of a survey, in the order they are asked. */
public record Questionnaire(List<Question> questions) {

    public Questionnaire {
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    public Optional<Question> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }
}
