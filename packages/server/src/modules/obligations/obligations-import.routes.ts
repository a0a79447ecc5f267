import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  chinaStamp,
  DomainError,
  obligationImportReportSchema,
  type AuditAction,
  type Language,
  type ObligationImportReport,
} from '@anjian/domain';
import { requireAuth, type AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { requestLanguage } from '../../platform/http-errors.ts';
import { attachmentHeader, XLSX_TYPE } from '../../platform/office/index.ts';
import type { ObligationsImportService } from './obligations-import.service.ts';

const tags = ['obligations'];
const summary = (report: ObligationImportReport) =>
  `rows=${report.totalRows} created=${report.created} updated=${report.updated} skipped=${report.skipped} errors=${report.errors}`;

interface ImportRoute {
  path: string;
  /** The file's ASCII name, its Chinese name, and the builder. */
  template: [string, string, () => Promise<Buffer>];
  templateSummary: string;
  audit: AuditAction;
  summary: string;
  run: (auth: AuthContext, file: Buffer, language: Language) => Promise<ObligationImportReport>;
}

/** Templates and uploads of the obligations imports (body: the .xlsx file itself), one pair per register. */
export function registerObligationsImportRoutes(
  app: FastifyInstance,
  { imports, clock }: { imports: ObligationsImportService; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  if (!app.hasContentTypeParser(XLSX_TYPE))
    app.addContentTypeParser(
      [XLSX_TYPE],
      { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 },
      (_r, body, done) => done(null, body),
    );

  const sendTemplate = async (reply: FastifyReply, ascii: string, name: string, file: Promise<Buffer>) => {
    const stamp = chinaStamp(clock.now());
    return reply
      .header('content-type', XLSX_TYPE)
      .header('content-disposition', attachmentHeader(`${ascii}_${stamp}.xlsx`, `${name}_${stamp}.xlsx`))
      .send(await file);
  };
  const fileOf = (body: unknown): Buffer => {
    if (!Buffer.isBuffer(body)) throw new DomainError('import.file_invalid');
    return body;
  };

  const imports_: ImportRoute[] = [
    {
      path: 'exam-results',
      template: ['exam_results_template', '培训考试成绩导入模板', imports.examTemplate],
      templateSummary:
        'The Excel template of exam results (the provincial exam platform’s export) with instructions',
      audit: 'obligations.people_import',
      summary:
        'Import exam results: each row records the exam of the person its ID number names and, when passed with a certificate number, registers or updates the certificate; answers a per-row report',
      run: imports.importExams,
    },
    {
      path: 'policies',
      template: ['liability_policies_template', '安责险保单导入模板', imports.policyTemplate],
      templateSummary: 'The Excel template of 安责险 policies with instructions',
      audit: 'obligations.policies_import',
      summary:
        'Import 安责险 policies (enterprise by credit code; a registered policy number is updated); answers a per-row report',
      run: imports.importPolicies,
    },
    {
      path: 'licences',
      template: ['licence_applications_template', '行政许可申请导入模板', imports.licenceTemplate],
      templateSummary: 'The Excel template of licence applications with instructions',
      audit: 'obligations.licences_import',
      summary:
        'Import licence applications (enterprise by credit code or name; an application with the same enterprise, licence type, kind and date is skipped); answers a per-row report',
      run: imports.importLicences,
    },
    {
      path: 'projects',
      template: ['construction_projects_template', '建设项目导入模板', imports.projectTemplate],
      templateSummary: 'The Excel template of 三同时 construction projects with instructions',
      audit: 'obligations.projects_import',
      summary:
        'Import 三同时 construction projects (enterprise by credit code or name; a project of the same enterprise and name is updated); answers a per-row report',
      run: imports.importProjects,
    },
    {
      path: 'prevention-services',
      template: ['prevention_services_template', '事故预防服务导入模板', imports.serviceTemplate],
      templateSummary: 'The Excel template of the insurers’ accident-prevention services with instructions',
      audit: 'obligations.prevention_services_import',
      summary:
        'Import accident-prevention services (policy by number; the same policy, date and kind is skipped); answers a per-row report',
      run: imports.importServices,
    },
    {
      path: 'claims',
      template: ['liability_claims_template', '安责险理赔导入模板', imports.claimTemplate],
      templateSummary: 'The Excel template of 安责险 claims with instructions',
      audit: 'obligations.claims_import',
      summary:
        'Import 安责险 claims (policy by number; the incident is the one accident of the insured enterprise on the incident date, told apart by its place); answers a per-row report',
      run: imports.importClaims,
    },
    {
      path: 'agencies',
      template: ['service_agencies_template', '技术服务机构导入模板', imports.agencyTemplate],
      templateSummary: 'The Excel template of technical service agencies with instructions',
      audit: 'obligations.agencies_import',
      summary:
        'Import technical service agencies (a registered credit code is updated from the row); answers a per-row report',
      run: imports.importAgencies,
    },
  ];

  for (const route of imports_) {
    const [ascii, name, build] = route.template;
    api.get(
      `/api/v1/obligations/${route.path}/import-template`,
      { config: { access: 'registry:write' }, schema: { tags, summary: route.templateSummary } },
      async (_request, reply) => sendTemplate(reply, ascii, name, build()),
    );
    api.post(
      `/api/v1/obligations/${route.path}/import`,
      {
        config: { access: 'registry:write', audit: route.audit },
        schema: { tags, summary: route.summary, response: { 200: obligationImportReportSchema } },
      },
      async (request) => {
        const report = await route.run(requireAuth(request), fileOf(request.body), requestLanguage(request));
        request.auditDetail = summary(report);
        return report;
      },
    );
  }
}
