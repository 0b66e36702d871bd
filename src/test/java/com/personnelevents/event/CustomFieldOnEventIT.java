package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CustomFieldOnEventIT extends ApiIntegrationTest {

    @Test
    void disabling_a_custom_field_deletes_its_value_from_events_not_yet_applied() {
        String admin = token("admin");
        enableCostCenter(admin, true);
        ApiResponse created =
                post("/api/personnel-events/onboard", admin, anOnboardRequest().with("identity.customField1", "CC-42"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(storedCostCenter(created.text("id"))).isEqualTo("CC-42");

        enableCostCenter(admin, false);

        assertThat(storedCostCenter(created.text("id"))).isNull();
    }

    private void enableCostCenter(String admin, boolean enabled) {
        ApiResponse response = put(
                "/api/settings",
                admin,
                JsonBody.json()
                        .with("timeZone", "UTC")
                        .with("leadTimeDays", 7)
                        .with("customFields", List.of(Map.of("slot", 1, "label", "Cost Center", "enabled", enabled))));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
    }

    private String storedCostCenter(String eventId) {
        return jdbc.sql("SELECT custom_field_1 FROM personnel_event_identity WHERE event_id = :id")
                .param("id", UUID.fromString(eventId))
                .query((rs, n) -> rs.getString(1))
                .list()
                .get(0);
    }
}
