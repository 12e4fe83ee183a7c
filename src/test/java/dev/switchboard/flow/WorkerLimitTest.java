package dev.switchboard.flow;

import dev.switchboard.model.ServiceId;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Issue 8 item 10: the supported number of workers is written down and anything above is refused with its place. */
class WorkerLimitTest {

    @Test
    void aHundredThousandWorkersPerInstanceAreAcceptedAndOneMoreIsRefusedAtTheValue() throws FlowException {
        Flow most = FlowLoader.parse("{\"name\": \"m\", \"services\": {\"kitchen\": {\"workers\": 100000}}}", "m.json");
        assertEquals(ServiceSpec.MAX_WORKERS, most.service(ServiceId.KITCHEN).workers());
        FlowException e = assertThrows(FlowException.class,
                () -> FlowLoader.parse("{\"name\": \"m\",\n \"services\": {\"kitchen\": {\"workers\": 100001}}}", "m.json"));
        assertEquals("m.json:2:38: services.kitchen.workers: must be at most 100000 per instance but was 100001", e.getMessage());
    }
}
