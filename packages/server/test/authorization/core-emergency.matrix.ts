import {
  type RouteCase,
  statuses,
  newResource,
  newIncident,
  newTask,
  INCIDENT,
  RESOURCE,
  dispatchers,
  dispatchersOut,
} from './matrix-support.ts';

/**
 * Authorisation-matrix rows of the first emergency routes (resources and incidents); run by
 * ../authorization-matrix-emergency.routes.test.ts.
 */
export const coreEmergencyMatrix: Record<string, RouteCase> = {
  'GET /api/v1/emergency/resources': {
    build: async () => ({ url: '/api/v1/emergency/resources' }),
    in: dispatchers(200),
  },
  'GET /api/v1/emergency/resources/nearby': {
    build: async () => ({ url: '/api/v1/emergency/resources/nearby?lon=102.75&lat=24.29' }),
    in: dispatchers(200),
  },
  'POST /api/v1/emergency/resources': {
    build: async ({ target }) => ({ url: '/api/v1/emergency/resources', payload: RESOURCE(target) }),
    in: dispatchers(201),
    out: statuses(403, { cityOfficer: 201, countyOfficer: 403 }),
  },
  'GET /api/v1/emergency/resources/:id': {
    build: async ({ t, target }) => ({ url: `/api/v1/emergency/resources/${await newResource(t, target)}` }),
    in: dispatchers(200),
    out: dispatchersOut(200),
  },
  'PUT /api/v1/emergency/resources/:id': {
    build: async ({ t, target }) => ({
      url: `/api/v1/emergency/resources/${await newResource(t, target)}`,
      payload: RESOURCE(target),
    }),
    in: dispatchers(200),
    out: dispatchersOut(200),
  },
  'DELETE /api/v1/emergency/resources/:id': {
    build: async ({ t, target }) => ({ url: `/api/v1/emergency/resources/${await newResource(t, target)}` }),
    in: dispatchers(200),
    out: dispatchersOut(200),
  },
  'PUT /api/v1/emergency/resources/:id/materials': {
    build: async ({ t, target }) => ({
      url: `/api/v1/emergency/resources/${await newResource(t, target)}/materials`,
      payload: { items: [{ name: '沙袋', unit: '个', quantity: 100 }] },
    }),
    in: dispatchers(200),
    out: dispatchersOut(200),
  },
  'GET /api/v1/incidents': { build: async () => ({ url: '/api/v1/incidents' }), in: dispatchers(200) },
  'POST /api/v1/incidents': {
    build: async ({ target }) => ({ url: '/api/v1/incidents', payload: INCIDENT(target) }),
    in: dispatchers(201),
    out: statuses(403, { cityOfficer: 201, countyOfficer: 403 }),
  },
  'GET /api/v1/incidents/:id': {
    build: async ({ t, target }) => ({ url: `/api/v1/incidents/${await newIncident(t, target)}` }),
    in: dispatchers(200),
    out: dispatchersOut(200),
  },
  'POST /api/v1/incidents/:id/follow-ups': {
    build: async ({ t, target }) => ({
      url: `/api/v1/incidents/${await newIncident(t, target)}/follow-ups`,
      payload: { seriousInjuries: 2, description: '续报' },
    }),
    in: dispatchers(200),
    out: dispatchersOut(200),
  },
  'POST /api/v1/incidents/:id/reports-sent': {
    build: async ({ t, target }) => ({
      url: `/api/v1/incidents/${await newIncident(t, target)}/reports-sent`,
      payload: { stepId: 'county_to_city' },
    }),
    in: dispatchers(200),
    out: dispatchersOut(200),
  },
  'POST /api/v1/incidents/:id/dispatch': {
    build: async ({ t, target }) => ({
      url: `/api/v1/incidents/${await newIncident(t, target)}/dispatch`,
      payload: { resourceId: await newResource(t, target, 'team') },
    }),
    in: dispatchers(200),
    out: dispatchersOut(200),
  },
  'POST /api/v1/incidents/:id/tasks/:taskId/status': {
    build: async ({ t, target }) => {
      const { incident, task } = await newTask(t, target);
      return { url: `/api/v1/incidents/${incident}/tasks/${task}/status`, payload: { status: 'en_route' } };
    },
    in: dispatchers(200),
    out: dispatchersOut(200),
  },
  'POST /api/v1/incidents/:id/notes': {
    build: async ({ t, target }) => ({
      url: `/api/v1/incidents/${await newIncident(t, target)}/notes`,
      payload: { text: '现场风向西南' },
    }),
    in: dispatchers(200),
    out: dispatchersOut(200),
  },
  'GET /api/v1/incidents/:id/zones': {
    build: async ({ t, target }) => ({ url: `/api/v1/incidents/${await newIncident(t, target)}/zones` }),
    in: dispatchers(200),
    out: dispatchersOut(200),
  },
  'POST /api/v1/incidents/:id/zones': {
    build: async ({ t, target }) => ({
      url: `/api/v1/incidents/${await newIncident(t, target)}/zones`,
      payload: {
        model: { id: 'vce', zh: '蒸气云爆炸', en: 'Vapour cloud explosion' },
        inputs: { fuelMassKg: 100 },
        centre: [102.5, 24.3],
        zones: [
          {
            key: 'kpa-21',
            label: { zh: '21 kPa', en: '21 kPa' },
            colour: 'red',
            extentM: 100,
            shape: { kind: 'circle', centre: [102.5, 24.3], radiusM: 100 },
          },
        ],
        evacuationRadiusM: 100,
      },
    }),
    in: dispatchers(201),
    out: dispatchersOut(201),
  },
  'PUT /api/v1/incidents/:id/security-label': {
    build: async ({ t, target }) => ({
      url: `/api/v1/incidents/${await newIncident(t, target)}/security-label`,
      // 内部, within every dispatcher's clearance (refusals: incident-security-labels.routes.test.ts).
      payload: { securityLabel: 'internal' },
    }),
    in: dispatchers(200),
    out: dispatchersOut(200),
  },
  'POST /api/v1/incidents/:id/close': {
    build: async ({ t, target }) => ({
      url: `/api/v1/incidents/${await newIncident(t, target)}/close`,
      payload: { text: '救援结束' },
    }),
    in: dispatchers(200),
    out: dispatchersOut(200),
  },
};
