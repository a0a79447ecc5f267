import { z } from 'zod';
import { riskColours, riskLevels } from './risk-level.ts';

export const riskLevelSchema = z
  .literal([...riskLevels])
  .describe('Risk level: 1 重大风险 (major), 2 较大风险, 3 一般风险, 4 低风险 (low)');

export const riskColourSchema = z
  .enum(riskColours)
  .describe('Colour of the level: red (重大), orange (较大), yellow (一般), blue (低)');
