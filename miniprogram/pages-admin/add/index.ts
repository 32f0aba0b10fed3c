/**
 * 新增下级组织: the kinds of node that fit under this one, its name and, for a service station,
 * its address, hours and phone (and what a special organisation needs). Back to the node on success.
 */
import type { OrgNodeType } from '../../../typings';
import { ORG_NODE_TYPE_LABELS } from '../../constants/org';
import { showCallError } from '../../services/cloud';
import { addOrgNode } from '../../services/org-admin';
import { CHILD_TYPES, EXTRA_FIELDS, type ExtraField } from '../common/org-rules';

interface TypeOption {
  value: OrgNodeType;
  label: string;
}

type DataEvent<T extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.CustomEvent<
  Record<string, never>,
  Record<string, never>,
  T
>;
type InputEvent<T extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.CustomEvent<
  { value: string },
  Record<string, never>,
  T
>;

const MIN_NAME = 2;
const MAX_NAME = 40;

function isNodeType(value: string | undefined): value is OrgNodeType {
  return value !== undefined && value in CHILD_TYPES;
}

Component({
  data: {
    parentId: '',
    parentName: '',
    typeOptions: [] as TypeOption[],
    type: '' as OrgNodeType | '',
    name: '',
    extraFields: [] as readonly ExtraField[],
    extraValues: {} as Record<string, string>,
    error: '',
    busy: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const parentType = isNodeType(query.parentType) ? query.parentType : null;
      const typeOptions = (parentType ? CHILD_TYPES[parentType] : []).map((value) => ({
        value,
        label: ORG_NODE_TYPE_LABELS[value],
      }));
      this.setData({
        parentId: query.parentId ? decodeURIComponent(query.parentId) : '',
        parentName: query.parentName ? decodeURIComponent(query.parentName) : '',
        typeOptions,
      });
      if (typeOptions.length === 1 && typeOptions[0]) this.pickType(typeOptions[0].value);
    },

    onPickType(event: DataEvent<{ value: OrgNodeType }>) {
      this.pickType(event.currentTarget.dataset.value);
    },

    pickType(type: OrgNodeType) {
      this.setData({ type, extraFields: EXTRA_FIELDS[type] ?? [], extraValues: {}, error: '' });
    },

    onNameInput(event: InputEvent<Record<string, never>>) {
      this.setData({ name: event.detail.value, error: '' });
    },

    onExtraInput(event: InputEvent<{ key: string }>) {
      const { key } = event.currentTarget.dataset;
      this.setData({ extraValues: { ...this.data.extraValues, [key]: event.detail.value } });
    },

    async onSubmit(): Promise<void> {
      const { parentId, type, busy, extraFields, extraValues } = this.data;
      const name = this.data.name.trim();
      if (busy) return;
      if (!type) {
        this.setData({ error: '请先选择组织类型' });
        return;
      }
      if (name.length < MIN_NAME || name.length > MAX_NAME) {
        this.setData({ error: `请填写名称，${MIN_NAME} 到 ${MAX_NAME} 个字` });
        return;
      }
      const extra: Record<string, string> = {};
      for (const field of extraFields) extra[field.key] = extraValues[field.key] ?? '';
      this.setData({ busy: true });
      try {
        await addOrgNode({ parentId, type, name, extra });
        void wx.showToast({ title: '已新增', icon: 'success' });
        void wx.navigateBack();
      } catch (err) {
        await showCallError(err);
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});
