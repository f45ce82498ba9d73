-- Rows that fail an expectation, with the first reason and the row itself as JSON.
INSERT INTO silver.sre_rejects
SELECT 'esteira_prod', CAST(run_id AS STRING), reject_reason,
       JSON_OBJECT(KEY 'run_id' VALUE run_id, KEY 'service' VALUE service, KEY 'pipeline' VALUE pipeline,
                   KEY 'commit_sha' VALUE commit_sha, KEY 'started_at' VALUE CAST(started_at AS STRING),
                   KEY 'finished_at' VALUE CAST(finished_at AS STRING), KEY 'status' VALUE status,
                   KEY 'environment' VALUE environment NULL ON NULL)
FROM sre_runs_checked WHERE reject_reason IS NOT NULL
UNION ALL
SELECT 'log', CAST(id AS STRING), reject_reason,
       JSON_OBJECT(KEY 'id' VALUE id, KEY 'ts' VALUE CAST(ts AS STRING), KEY 'service' VALUE service,
                   KEY 'endpoint' VALUE endpoint, KEY 'status_code' VALUE status_code,
                   KEY 'latency_ms' VALUE latency_ms NULL ON NULL)
FROM sre_requests_checked WHERE reject_reason IS NOT NULL
UNION ALL
SELECT 'chamados', `number`, reject_reason,
       JSON_OBJECT(KEY 'number' VALUE `number`, KEY 'caller_id' VALUE caller_id, KEY 'category' VALUE category,
                   KEY 'subcategory' VALUE subcategory, KEY 'u_symptom' VALUE u_symptom,
                   KEY 'assignment_group' VALUE assignment_group, KEY 'incident_state' VALUE incident_state,
                   KEY 'opened_at' VALUE CAST(opened_at AS STRING), KEY 'closed_at' VALUE CAST(closed_at AS STRING)
                   NULL ON NULL)
FROM sre_incidents_checked WHERE reject_reason IS NOT NULL
