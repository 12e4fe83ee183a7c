package dev.switchboard.flow;

import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void print() {
        String[] cases = {
            "",
            "   \n",
            "[1, 2]",
            "{\"name\": \"x\",}",
            "{\"name\": \"x\" \"seed\": 1}",
            "{\"name\": \"x\", \"seed\": 1} extra",
            "{\"name\": \"x\"",
            "{\"description\": \"x\"}",
            "{\"name\": \"\"}",
            "{\"name\": 5}",
            "{\"name\": \"x\", \"nmae\": 1}",
            "{\"name\": \"x\", \"seed\": 1.5}",
            "{\"name\": \"x\", \"seed\": \"42\"}",
            "{\"name\": \"x\", \"orders\": {\"count\": -1}}",
            "{\"name\": \"x\", \"orders\": {\"count\": 1e12}}",
            "{\"name\": \"x\", \"services\": {\"kitchen\": {\"wrokers\": 2}}}",
            "{\"name\": \"x\", \"services\": {\"kitchen\": {\"workers\": -3}}}",
            "{\"name\": \"x\", \"services\": {\"kitchen\": {\"workers\": \"four\"}}}",
            "{\"name\": \"x\", \"services\": {\"kitchen\": {\"workers\": 2.5}}}",
            "{\"name\": \"x\", \"services\": {\"kitchen\": {\"errorRate\": 2}}}",
            "{\"name\": \"x\", \"services\": {\"kitchen\": {\"errorRate\": -0.1}}}",
            "{\"name\": \"x\", \"services\": {\"kitchen\": {\"slowdown\": 0}}}",
            "{\"name\": \"x\", \"services\": {\"kitchen\": {\"stockOutRate\": 0.1}}}",
            "{\"name\": \"x\", \"services\": {\"kichen\": {}}}",
            "{\"name\": \"x\", \"services\": {\"kitchen\": 3}}",
            "{\"name\": \"x\", \"services\": {\"kitchen\": {\"workMs\": {\"gaussian\": 3}}}}",
            "{\"name\": \"x\", \"services\": {\"kitchen\": {\"workMs\": {\"unifrom\": [1,2]}}}}",
            "{\"name\": \"x\", \"services\": {\"kitchen\": {\"workMs\": {\"uniform\": [900, 300]}}}}",
            "{\"name\": \"x\", \"services\": {\"kitchen\": {\"workMs\": {\"uniform\": [1,2,3]}}}}",
            "{\"name\": \"x\", \"services\": {\"kitchen\": {\"workMs\": {\"uniform\": 300}}}}",
            "{\"name\": \"x\", \"services\": {\"kitchen\": {\"workMs\": {\"fixed\": -5}}}}",
            "{\"name\": \"x\", \"services\": {\"kitchen\": {\"workMs\": {\"uniform\": [-5, 3]}}}}",
            "{\"name\": \"x\", \"services\": {\"kitchen\": {\"workMs\": {}}}}",
            "{\"name\": \"x\", \"services\": {\"kitchen\": {\"workMs\": {\"fixed\": 1, \"exponential\": 2}}}}",
            "{\"name\": \"x\", \"services\": {\"kitchen\": {\"workMs\": \"fast\"}}}",
            "{\"name\": \"x\", \"links\": {\"order->kichen\": {}}}",
            "{\"name\": \"x\", \"links\": {\"order->inventory\": {\"style\": \"queue\"}}}",
            "{\"name\": \"x\", \"links\": {\"order->kitchen\": {\"style\": \"event\"}}}",
            "{\"name\": \"x\", \"links\": {\"kitchen->delivery\": {\"style\": \"que\"}}}",
            "{\"name\": \"x\", \"links\": {\"kitchen->delivery\": {\"capacity\": 3}}}",
            "{\"name\": \"x\", \"links\": {\"order->kitchen\": {\"capacity\": 0}}}",
            "{\"name\": \"x\", \"links\": {\"order->kitchen\": {\"timeoutMs\": 0}}}",
            "{\"name\": \"x\", \"links\": {\"order->kitchen\": {\"lossRate\": 1.5}}}",
            "{\"name\": \"x\", \"faults\": [{\"kind\": \"down\", \"forMs\": 1}]}",
            "{\"name\": \"x\", \"faults\": [{\"service\": \"kitchen\", \"link\": \"order->kitchen\", \"kind\": \"down\", \"forMs\": 1}]}",
            "{\"name\": \"x\", \"faults\": [{\"service\": \"kitchen\", \"kind\": \"loss\", \"forMs\": 1, \"rate\": 0.5}]}",
            "{\"name\": \"x\", \"faults\": [{\"link\": \"order->kitchen\", \"kind\": \"slow\", \"forMs\": 1}]}",
            "{\"name\": \"x\", \"faults\": [{\"service\": \"kitchen\", \"kind\": \"crash\", \"forMs\": 1}]}",
            "{\"name\": \"x\", \"faults\": [{\"service\": \"kitchen\", \"kind\": \"slow\", \"forMs\": 1}]}",
            "{\"name\": \"x\", \"faults\": [{\"service\": \"kitchen\", \"kind\": \"slow\", \"forMs\": 1, \"rate\": 3}]}",
            "{\"name\": \"x\", \"faults\": [{\"service\": \"kitchen\", \"kind\": \"errors\", \"forMs\": 1, \"rate\": 3}]}",
            "{\"name\": \"x\", \"faults\": [{\"service\": \"kitchen\", \"kind\": \"down\"}]}",
            "{\"name\": \"x\", \"faults\": [{\"service\": \"kitchen\", \"kind\": \"down\", \"forMs\": 0}]}",
            "{\"name\": \"x\", \"faults\": [{\"service\": \"kitchen\", \"kind\": \"down\", \"forMs\": 10, \"atMs\": -1}]}",
            "{\"name\": \"x\", \"faults\": [{\"service\": \"kichen\", \"kind\": \"down\", \"forMs\": 10}]}",
            "{\"name\": \"x\", \"faults\": {}}",
            "{\"name\": \"x\", \"name\": \"y\"}",
            "{\"name\": \"x\", \"services\": {\"kitchen\": {\"workers\": null}}}",
        };
        for (String c : cases) {
            try {
                FlowLoader.parse(c, "t.json");
                System.out.println("LOADED " + c);
            } catch (FlowException e) {
                System.out.println(e.getMessage() + "      <= " + c);
            }
        }
    }
}
